import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";
import { statusLabel } from "./test-run-view";

export type PastRun = inferRouterOutputs<AppRouter>["runs"]["list"]["runs"][number];

/** How many of the flow's latest runs "A past run's event" offers. */
export const PAST_RUNS_OFFERED = 20;

/**
 * "14:02 · Test: Booking created for ana@example.com (succeeded)". Test runs' summaries already
 * start with "Test:", so live and test runs tell themselves apart.
 */
export function pastRunLabel(
  run: Pick<PastRun, "createdAt" | "summary" | "status">,
  formatTime: (date: Date) => string,
) {
  return `${formatTime(new Date(run.createdAt))} · ${run.summary} (${statusLabel(run.status).toLowerCase()})`;
}
