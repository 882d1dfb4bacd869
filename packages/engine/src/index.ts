export { type ExecuteRunOptions, executeRun, type RunOutcome } from "./execute-run";
export type { RunServices, SyncReviewContext } from "./run-services";
export { assertTransition, canTransition, isTerminal, needsPerson, type RunStatus } from "./run-status";
export { DEFAULT_RETRY_POLICY } from "./run-step";
export { type CappedOutput, capOutput, DEFAULT_MAX_OUTPUT_BYTES, REDACTED, redactSecrets } from "./step-record";
