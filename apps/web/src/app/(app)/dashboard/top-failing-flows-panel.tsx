"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { OUTCOME_COLORS } from "./chart-colors";
import { failedRunsHref } from "./dashboard-format";
import type { FailingFlow } from "./types";

/** The 5 flows with the most failed live runs in the last 7 days, each leading to those runs. */
export function TopFailingFlowsPanel({ flows }: { flows: readonly FailingFlow[] }) {
  return (
    <section className="ho-panel" aria-labelledby="top-failing-title">
      <h2 id="top-failing-title">Failed most this week</h2>
      {flows.length === 0 ? (
        <p className="ho-muted">No failed live runs in the last 7 days.</p>
      ) : (
        <>
          <div className="db-chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={48 * flows.length + 40}>
              <BarChart
                data={flows.map((flow) => ({ name: flow.flowName, failures: flow.failures }))}
                layout="vertical"
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="name" width={160} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Bar dataKey="failures" name="Failed runs" fill={OUTCOME_COLORS.failed} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="ho-table" aria-label="Flows that failed most this week">
            <thead>
              <tr>
                <th scope="col">Flow</th>
                <th scope="col">Failed runs (7 days)</th>
              </tr>
            </thead>
            <tbody>
              {flows.map((flow) => (
                <tr key={flow.flowId}>
                  <th scope="row">
                    <Link href={failedRunsHref(flow)}>{flow.flowName}</Link>
                  </th>
                  <td>{flow.failures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
