import { type Database, eq, schema } from "@handoff/db";
import { countAttention } from "../attention/list-attention";
import { NotFoundError } from "../flows/errors";
import { failureCounts } from "./failure-spikes";
import { type HealthFlag, healthFlags } from "./health-flags";
import { healthWindow } from "./health-window";
import { type FlowLag, lagByFlow } from "./lag-by-flow";
import { type RunsOnDay, runsPerDay } from "./runs-per-day";
import { type SuccessRate, successRate } from "./success-rate";
import { type FailingFlow, topFailingFlows } from "./top-failing-flows";

export interface SyncHealth {
  /** The zone the days are cut in. */
  timeZone: string;
  /** Today in that zone, `yyyy-mm-dd`: the last day of `perDay`. */
  today: string;
  runsToday: number;
  /** The last 14 days, oldest first, every day present. */
  perDay: RunsOnDay[];
  /** Over the last 7 days. */
  successRate: SuccessRate;
  needsAttention: number;
  /** Over the last 7 days, worst p95 first. */
  lagByFlow: FlowLag[];
  /** The last 7 days' top 5. */
  topFailingFlows: FailingFlow[];
  flags: HealthFlag[];
}

export interface GetSyncHealthOptions {
  db: Database;
  workspaceId: string;
  now?: Date;
}

/**
 * The dashboard: how the workspace's live runs did. Every number is aggregated in SQL over an
 * index range of flow_runs; the questions are independent, so they are asked at once.
 */
export async function getSyncHealth({ db, workspaceId, now = new Date() }: GetSyncHealthOptions): Promise<SyncHealth> {
  const [workspace] = await db
    .select({ timeZone: schema.workspaces.timeZone })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  if (!workspace) throw new NotFoundError("This workspace no longer exists");
  const window = healthWindow(now);
  const week = { db, workspaceId, since: window.weekStart, until: now };
  const [perDay, rate, lags, failing, failures, needsAttention] = await Promise.all([
    runsPerDay({ db, workspaceId, timeZone: workspace.timeZone, now }),
    successRate(week),
    lagByFlow(week),
    topFailingFlows(week),
    failureCounts({ db, workspaceId, baselineStart: window.baselineStart, weekStart: window.weekStart, until: now }),
    countAttention({ db, workspaceId }),
  ]);
  const today = perDay.at(-1);
  return {
    timeZone: workspace.timeZone,
    today: today?.day ?? "",
    runsToday: today?.total ?? 0,
    perDay,
    successRate: rate,
    needsAttention,
    lagByFlow: lags,
    topFailingFlows: failing,
    flags: healthFlags(lags, failures),
  };
}
