import type { HealthFlag } from "./types";

const KIND_BADGES = {
  lag_over_target: { className: "ho-badge ho-badge-warn", text: "Slow" },
  failure_spike: { className: "ho-badge ho-badge-danger", text: "Failing more" },
} as const satisfies Record<HealthFlag["kind"], { className: string; text: string }>;

/** Flows slower than their target or failing more than they used to, one sentence each. */
export function HealthFlags({ flags }: { flags: readonly HealthFlag[] }) {
  return (
    <section className="ho-panel" aria-labelledby="flags-title">
      <h2 id="flags-title">Flags</h2>
      {flags.length === 0 ? (
        <p className="ho-muted">Nothing flagged: every flow is within its lag target and failing no more than usual.</p>
      ) : (
        <ul className="db-flags" aria-labelledby="flags-title">
          {flags.map((flag) => (
            <li key={`${flag.kind}:${flag.flowId}`} className="ho-notice">
              <span className={KIND_BADGES[flag.kind].className}>{KIND_BADGES[flag.kind].text}</span> {flag.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
