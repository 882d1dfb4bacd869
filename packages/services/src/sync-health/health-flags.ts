import { type FlowFailureCounts, isFailureSpike } from "./failure-spikes";
import { formatLag, formatPercent } from "./format-lag";
import type { FlowLag } from "./lag-by-flow";

export type HealthFlagKind = "lag_over_target" | "failure_spike";

export interface HealthFlag {
  kind: HealthFlagKind;
  flowId: string;
  flowName: string;
  /** One plain sentence, e.g. "Invoice paid → CRM: p95 lag 7 min, target 5 min". */
  message: string;
}

/** What needs a look: flows slower than their target, then flows failing more than they used to. */
export function healthFlags(lags: readonly FlowLag[], failures: readonly FlowFailureCounts[]): HealthFlag[] {
  const slow = lags.flatMap((lag): HealthFlag[] =>
    lag.overTarget && lag.targetMs !== null
      ? [
          {
            kind: "lag_over_target",
            flowId: lag.flowId,
            flowName: lag.flowName,
            message: `${lag.flowName}: p95 lag ${formatLag(lag.p95Ms)}, target ${formatLag(lag.targetMs)}`,
          },
        ]
      : [],
  );
  const spiking = failures.filter(isFailureSpike).map(
    (counts): HealthFlag => ({
      kind: "failure_spike",
      flowId: counts.flowId,
      flowName: counts.flowName,
      message: spikeMessage(counts),
    }),
  );
  return [...slow, ...spiking];
}

function spikeMessage(counts: FlowFailureCounts): string {
  const week = `${counts.flowName}: ${counts.weekFailures} failed runs in the last 7 days (${formatPercent(counts.weekFailures / counts.weekFinished)} of runs)`;
  if (counts.baselineFailures === 0) return `${week}, none in the 4 weeks before`;
  return `${week}, up from ${formatPercent(counts.baselineFailures / counts.baselineFinished)} in the 4 weeks before`;
}
