import type { Connection } from "./types";

/** Live acts on real customers, so it is the one that stands out. */
export function EnvironmentBadge({ environment }: { environment: Connection["environment"] }) {
  return environment === "live" ? (
    <span className="ho-badge ho-badge-warn">Live</span>
  ) : (
    <span className="ho-badge">Test</span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  if (status === "ok") return <span className="ho-badge ho-badge-ok">OK</span>;
  if (status === "reconnect_needed") return <span className="ho-badge ho-badge-danger">Reconnect needed</span>;
  return <span className="ho-badge">{status}</span>;
}
