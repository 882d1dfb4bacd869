"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LAG_COLORS } from "./chart-colors";
import { formatDuration, type LagVerdict, lagVerdict } from "./dashboard-format";
import type { FlowLag } from "./types";

const VERDICT_BADGES = {
  over: { className: "ho-badge ho-badge-danger", text: "Over target" },
  within: { className: "ho-badge ho-badge-ok", text: "Within target" },
  none: { className: "ho-badge", text: "No target" },
} as const satisfies Record<LagVerdict, { className: string; text: string }>;

/** Sync lag p50/p95 of each flow over 7 days against the target of its trigger. */
export function LagByFlowPanel({ lags }: { lags: readonly FlowLag[] }) {
  const data = lags.map((lag) => ({
    name: lag.flowName,
    p50: lag.p50Ms / 1000,
    p95: lag.p95Ms / 1000,
    target: lag.targetMs === null ? null : lag.targetMs / 1000,
  }));
  return (
    <section className="ho-panel db-wide" aria-labelledby="lag-title">
      <h2 id="lag-title">Sync lag by flow</h2>
      <p className="ho-muted">
        From the event at its source to the end of the run, successful live runs of the last 7 days. Targets: booking
        changes under 1 minute, invoice and payment status under 5 minutes.
      </p>
      {lags.length === 0 ? (
        <p className="ho-muted">No successful live runs in the last 7 days.</p>
      ) : (
        <>
          <div className="db-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={Math.max(160, 48 * lags.length + 60)}>
              <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" unit=" s" tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(value) => (typeof value === "number" ? formatDuration(value * 1000) : "—")} />
                <Legend />
                <Bar dataKey="p50" name="p50" fill={LAG_COLORS.p50} />
                <Bar dataKey="p95" name="p95" fill={LAG_COLORS.p95} />
                <Bar dataKey="target" name="Target" fill={LAG_COLORS.target} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="ho-table" aria-label="Sync lag by flow">
            <thead>
              <tr>
                <th scope="col">Flow</th>
                <th scope="col">Runs</th>
                <th scope="col">p50</th>
                <th scope="col">p95</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {lags.map((lag) => {
                const badge = VERDICT_BADGES[lagVerdict(lag)];
                return (
                  <tr key={lag.flowId}>
                    <th scope="row">{lag.flowName}</th>
                    <td>{lag.runs}</td>
                    <td>{formatDuration(lag.p50Ms)}</td>
                    <td>{formatDuration(lag.p95Ms)}</td>
                    <td>{lag.targetMs === null ? "—" : formatDuration(lag.targetMs)}</td>
                    <td>
                      <span className={badge.className}>{badge.text}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
