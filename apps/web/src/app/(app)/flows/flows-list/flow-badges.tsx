import { badgeClassName, flowStatusBadge, runOutcomeBadge } from "./flow-labels";
import type { FlowStatus } from "./types";

export function FlowStatusBadge({ status }: { status: FlowStatus }) {
  const { label, tone } = flowStatusBadge(status);
  return <span className={badgeClassName(tone)}>{label}</span>;
}

export function RunOutcomeBadge({ status }: { status: string }) {
  const { label, tone } = runOutcomeBadge(status);
  return <span className={badgeClassName(tone)}>{label}</span>;
}
