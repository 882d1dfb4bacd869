/**
 * A run's or step's recorded error, read defensively: the engine writes a connector error
 * (`{kind, code, message, status?, providerMessage?, retryAt?}`), a wait (`{waitingUntil}`), or a
 * bare `{message}`; rows written by older versions may lack any field.
 */
export interface RecordedError {
  kind: "retriable" | "final" | null;
  code: string | null;
  message: string | null;
  /** The provider's own words, next to ours. */
  providerMessage: string | null;
  /** HTTP status the provider answered. */
  status: number | null;
  retryAt: string | null;
  waitingUntil: string | null;
  /** The step the run stopped at (run errors only). */
  nodeLabel: string | null;
  attempt: number | null;
}

export function readRecordedError(value: unknown): RecordedError | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === "string" && record[key] !== "" ? record[key] : null);
  const number = (key: string) => (typeof record[key] === "number" ? record[key] : null);
  const kind = record.kind === "retriable" || record.kind === "final" ? record.kind : null;
  return {
    kind,
    code: text("code"),
    message: text("message"),
    providerMessage: text("providerMessage"),
    status: number("status"),
    retryAt: text("retryAt"),
    waitingUntil: text("waitingUntil"),
    nodeLabel: text("nodeLabel"),
    attempt: number("attempt"),
  };
}
