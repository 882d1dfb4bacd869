export * from "./attention";
export {
  AUDIT_CSV_HEADER,
  AUDIT_CSV_MAX_ROWS,
  auditCsvFilename,
  neutralizeFormula,
  type StreamAuditCsvOptions,
  streamAuditCsv,
} from "./audit/audit-csv";
export { type AuditCursor, InvalidAuditCursorError } from "./audit/audit-cursor";
export {
  type AuditActor,
  type AuditFilterOptions,
  listAuditActors,
  listAuditFilterOptions,
} from "./audit/audit-filter-options";
export { type AuditFilters, ZAuditFilters } from "./audit/audit-filters";
export { AUDIT_PAGE_MAX, type AuditEntry, type AuditPage, type ListAuditOptions, listAudit } from "./audit/list-audit";
export { type RecordAuditOptions, recordAudit } from "./audit/record-audit";
export * from "./connections";
export {
  type CustomerErasure,
  ERASURE_REASON_MAX_LENGTH,
  type EraseCustomerOptions,
  eraseCustomer,
} from "./customers/erase-customer";
export { AmbiguousCustomerError, CustomerQueryError, ErasureRefusedError } from "./customers/errors";
export {
  CUSTOMER_EXPORT_RUN_LIMIT,
  type CustomerExport,
  type ExportCustomerOptions,
  exportCustomer,
} from "./customers/export-customer";
export { type CustomerSubject, findCustomer } from "./customers/find-customer";
export { type CustomerSummary, type SummarizeCustomerOptions, summarizeCustomer } from "./customers/summarize-customer";
export { type FireDerivedEventsOptions, fireDerivedEvents } from "./derived/fire-derived-events";
export { createFlow, starterGraph } from "./flows/create-flow";
export { deleteFlow } from "./flows/delete-flow";
export { duplicateFlow } from "./flows/duplicate-flow";
export { DraftEditRefusedError, editDraft } from "./flows/edit-draft";
export { NotFoundError, type PublishProblem, PublishRefusedError, StaleDraftError } from "./flows/errors";
export { importFlow, ZFlowExport } from "./flows/import-flow";
export { getFlow, listFlows } from "./flows/list-flows";
export { publishFlow } from "./flows/publish-flow";
export { flowInWorkspace, renameFlow } from "./flows/rename-flow";
export { rollbackFlow } from "./flows/rollback-flow";
export { saveDraft } from "./flows/save-draft";
export { setFlowStatus } from "./flows/set-flow-status";
export { setHookSecret } from "./flows/set-hook-secret";
export {
  type StartTestRunOptions,
  startTestRun,
  type TestEventSource,
  TestRunRefusedError,
} from "./flows/start-test-run";
export { type GraphChangeSummary, summarizeGraphChange } from "./flows/summarize-graph-change";
export { getHealth, type Health, WORKER_STALE_AFTER_MS } from "./health/get-health";
export { createIdentityMap, type IdentityMapOptions } from "./identity/identity-map";
export {
  IdentityReviewClosedError,
  type IdentityReviewDecision,
  IdentityReviewInputError,
  type IdentityReviewResolution,
  type ResolveIdentityReviewOptions,
  resolveIdentityReview,
} from "./identity/resolve-identity-review";
export {
  type AppIngestOutcome,
  ingestAppWebhookEvent,
} from "./ingest/ingest-app-webhook-event";
export { DEFAULT_MAX_HOOK_BODY_BYTES, type IngestOutcome, ingestWebhookEvent } from "./ingest/ingest-webhook-event";
export * from "./members";
export * from "./retention";
export { cancelRun, RunNotCancelableError } from "./runs/cancel-run";
export { getRun } from "./runs/get-run";
export { type ListRunsOptions, listRuns } from "./runs/list-runs";
export { replayRun } from "./runs/replay-run";
export { retryRun } from "./runs/retry-run";
export { retryRuns } from "./runs/retry-runs";
export { addRunJob, RUN_JOB_MAX_ATTEMPTS, runJobKey } from "./runs/run-job";
export { createRunServices } from "./runs/run-services";
export {
  RUNS_CSV_HEADER,
  RUNS_CSV_MAX_ROWS,
  type RunsCsvFilters,
  runsCsvFilename,
  type StreamRunsCsvOptions,
  streamRunsCsv,
} from "./runs/runs-csv";
export { fireDueSchedules } from "./schedules/fire-due-schedules";
export { checkSecretKey } from "./secrets/check-secret-key";
export { type RotateSecretKeyOptions, rotateSecretKey } from "./secrets/rotate-secret-key";
export {
  type SubscriptionChange,
  type SyncTriggerSubscriptionOptions,
  syncTriggerSubscription,
} from "./subscriptions/sync-trigger-subscription";
export * from "./sync-health";
export * from "./sync-review";
export { type InstalledTemplate, type InstallTemplateOptions, installTemplate } from "./templates/install-template";
export {
  type ListTemplateConnectionChoicesOptions,
  listTemplateConnectionChoices,
  type TemplateConnectionChoice,
  type TemplateRoleChoices,
} from "./templates/list-template-connection-choices";
export { type TemplateInput, TemplateInputError, TemplateNotFoundError } from "./templates/template-errors";
export { templateFieldsFor } from "./templates/workspace-field-defaults";
export { authenticateUser } from "./users/authenticate-user";
export { createUser, UserAlreadyExistsError } from "./users/create-user";
export { createLoginThrottle, type LoginThrottle, type ThrottleVerdict } from "./users/login-throttle";
export { normalizeEmail } from "./users/normalize-email";
export { resolveSessionMember, type SessionMember } from "./users/resolve-session-member";
export { type SignInResult, signInWithPassword } from "./users/sign-in-with-password";
export { createWorkspace } from "./workspaces/create-workspace";
export { getWorkspaceOverview } from "./workspaces/get-workspace-overview";
export {
  getWorkspaceSettings,
  type MappingOwnerCandidate,
  readWorkspaceSettings,
  type WorkspaceSettings,
} from "./workspaces/get-workspace-settings";
export { seedDemoWorkspace } from "./workspaces/seed-demo-workspace";
export {
  type UpdateWorkspaceSettingsOptions,
  updateWorkspaceSettings,
  type WorkspaceSettingsChanges,
} from "./workspaces/update-workspace-settings";
export { WorkspaceSettingsInputError } from "./workspaces/workspace-settings-errors";
