"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { OUTCOME_COLORS } from "./chart-colors";
import { formatDay } from "./dashboard-format";
import type { RunsOnDay } from "./types";

const SERIES = [
  { key: "succeeded", label: "Succeeded" },
  { key: "failed", label: "Failed or needs attention" },
  { key: "canceled", label: "Canceled" },
  { key: "inProgress", label: "Running or waiting" },
] as const;

/** 14 days of live runs stacked by outcome; the table below the chart carries the same numbers. */
export function RunsPerDayChart({ perDay, timeZone }: { perDay: readonly RunsOnDay[]; timeZone: string }) {
  const total = perDay.reduce((sum, day) => sum + day.total, 0);
  const data = perDay.map((day) => ({ ...day, label: formatDay(day.day) }));
  return (
    <section className="ho-panel db-wide" aria-labelledby="runs-per-day-title">
      <h2 id="runs-per-day-title">Runs per day</h2>
      <p className="ho-muted">
        Live runs of the last 14 days by outcome, days in {timeZone}. {total} in all.
      </p>
      {total === 0 ? (
        <p className="ho-muted">No live runs in the last 14 days.</p>
      ) : (
        <div className="db-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={data} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              {SERIES.map((series) => (
                <Bar
                  key={series.key}
                  dataKey={series.key}
                  name={series.label}
                  stackId="runs"
                  fill={OUTCOME_COLORS[series.key]}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <table className="ho-table db-sr-only" aria-label="Runs per day">
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {series.label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {perDay.map((day) => (
            <tr key={day.day}>
              <th scope="row">
                <time dateTime={day.day}>{formatDay(day.day)}</time>
              </th>
              {SERIES.map((series) => (
                <td key={series.key}>{day[series.key]}</td>
              ))}
              <td>{day.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
