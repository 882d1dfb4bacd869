export { type RecordAuditOptions, recordAudit } from "./audit/record-audit";
export { getHealth, type Health, WORKER_STALE_AFTER_MS } from "./health/get-health";
export { authenticateUser } from "./users/authenticate-user";
export { createUser, UserAlreadyExistsError } from "./users/create-user";
export { normalizeEmail } from "./users/normalize-email";
export { resolveSessionMember, type SessionMember } from "./users/resolve-session-member";
export { createWorkspace } from "./workspaces/create-workspace";
export { getWorkspaceOverview } from "./workspaces/get-workspace-overview";
export { seedDemoWorkspace } from "./workspaces/seed-demo-workspace";
