export { assertTransition, canTransition, isTerminal, needsPerson, type RunStatus } from "./run-status";
export { type CappedOutput, capOutput, DEFAULT_MAX_OUTPUT_BYTES, REDACTED, redactSecrets } from "./step-record";
