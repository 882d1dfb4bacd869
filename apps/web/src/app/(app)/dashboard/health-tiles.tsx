import Link from "next/link";
import type { ReactNode } from "react";
import { formatDuration, formatRate, worstLag } from "./dashboard-format";
import type { SyncHealth } from "./types";

/** The four numbers an owner looks at first. */
export function HealthTiles({ health }: { health: SyncHealth }) {
  const worst = worstLag(health.lagByFlow);
  const { succeeded, finished, rate } = health.successRate;
  return (
    <div className="ho-stats">
      <Tile label="Runs today" value={health.runsToday} />
      <Tile
        label="Success rate (7 days)"
        value={formatRate(rate)}
        detail={finished === 0 ? "No finished runs" : `${succeeded} of ${finished} finished runs`}
      />
      <Tile
        label="Needs attention"
        value={health.needsAttention}
        detail={<Link href="/runs/attention">Open the queue</Link>}
      />
      <Tile
        label="Worst lag (p95, 7 days)"
        value={worst ? formatDuration(worst.p95Ms) : "—"}
        detail={
          worst ? (
            <>
              {worst.flowName}
              {worst.targetMs !== null ? ` · target ${formatDuration(worst.targetMs)}` : ""}
            </>
          ) : (
            "No successful runs"
          )
        }
      />
    </div>
  );
}

/** A stat tile that a screen reader (and a test) finds as a figure named by its caption. */
function Tile({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <figure className="ho-stat db-tile">
      <div className="ho-stat-value">{value}</div>
      <figcaption className="ho-stat-label">{label}</figcaption>
      {detail ? <div className="ho-muted db-stat-detail">{detail}</div> : null}
    </figure>
  );
}
