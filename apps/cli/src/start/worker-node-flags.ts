/**
 * Node flags for every worker process. V8 otherwise lets a busy worker's heap grow well past what
 * it needs before collecting (its RSS rose with the run rate, 217 → 341 MB); a cap keeps one
 * worker within its 300 MB budget while leaving room for the largest payloads it holds at once.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ["--max-old-space-size=192"];
