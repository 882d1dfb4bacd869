/** Every state a run can be in; matches the `run_status` enum of the database. */
export type RunStatus = "queued" | "running" | "waiting" | "succeeded" | "failed" | "needs_attention" | "canceled";

/**
 * Which moves are legal. `needs_attention` and `failed` can go back to `queued` (retry); nothing
 * leaves `succeeded` or `canceled` — a replay is a new run, never a rewrite of an old one.
 */
const TRANSITIONS = {
  queued: ["running", "canceled"],
  running: ["succeeded", "failed", "needs_attention", "waiting", "queued", "canceled"],
  waiting: ["queued", "running", "canceled"],
  failed: ["queued"],
  needs_attention: ["queued", "canceled"],
  succeeded: [],
  canceled: [],
} as const satisfies Record<RunStatus, readonly RunStatus[]>;

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return (TRANSITIONS[from] as readonly RunStatus[]).includes(to);
}

export function assertTransition(from: RunStatus, to: RunStatus): void {
  if (!canTransition(from, to)) throw new Error(`A run cannot go from ${from} to ${to}`);
}

export function isTerminal(status: RunStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Runs a person must look at: shown in the needs-attention queue. */
export function needsPerson(status: RunStatus): boolean {
  return status === "needs_attention" || status === "failed";
}
