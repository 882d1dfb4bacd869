"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import "./dashboard.css";
import { HealthFlags } from "./health-flags";
import { HealthTiles } from "./health-tiles";
import { LagByFlowPanel } from "./lag-by-flow-panel";
import { RunsPerDayChart } from "./runs-per-day-chart";
import { TopFailingFlowsPanel } from "./top-failing-flows-panel";
import type { SyncHealth } from "./types";

/** Refreshed every minute: the dashboard is left open on a screen. */
const REFRESH_MS = 60_000;

export function SyncHealthDashboard() {
  const trpc = useTRPC();
  const health = useQuery({ ...trpc.dashboard.syncHealth.queryOptions(), refetchInterval: REFRESH_MS });
  if (health.isPending) return <p className="ho-muted">Loading sync health…</p>;
  if (health.isError) {
    return (
      <p className="ho-error" role="alert">
        Could not load sync health: {health.error.message}
      </p>
    );
  }
  return <SyncHealthView health={health.data} />;
}

/** The dashboard for given numbers: rendered as is by tests. */
export function SyncHealthView({ health }: { health: SyncHealth }) {
  const quiet = health.perDay.every((day) => day.total === 0);
  return (
    <>
      <HealthTiles health={health} />
      {quiet ? (
        // Every chart would be empty: one sentence instead of four empty panels.
        <section className="ho-panel" aria-labelledby="quiet-title">
          <h2 id="quiet-title">No live runs in the last 14 days</h2>
          <p className="ho-muted">
            Runs per day, sync lag against its targets and the flows that fail most appear here once published flows
            run. Editor test runs are not counted.
          </p>
        </section>
      ) : (
        <div className="db-grid">
          <HealthFlags flags={health.flags} />
          <TopFailingFlowsPanel flows={health.topFailingFlows} />
          <RunsPerDayChart perDay={health.perDay} timeZone={health.timeZone} />
          <LagByFlowPanel lags={health.lagByFlow} />
        </div>
      )}
    </>
  );
}
