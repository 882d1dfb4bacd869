"use client";

import Link from "next/link";
import { formatDateTime, formatDuration, runTitle, statusBadgeClass, statusLabel } from "../run-format";
import type { RunListItem } from "../types";

export interface RunsTableProps {
  runs: readonly RunListItem[];
  /** Absent for roles that cannot retry: no checkboxes at all. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (runId: string) => void;
    onToggleAll: (select: boolean) => void;
  };
}

export function RunsTable({ runs, selection }: RunsTableProps) {
  const allSelected = selection !== undefined && runs.length > 0 && runs.every((run) => selection.selected.has(run.id));
  return (
    <table className="ho-table" aria-label="Runs">
      <thead>
        <tr>
          {selection ? (
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all runs shown"
                checked={allSelected}
                onChange={(event) => selection.onToggleAll(event.target.checked)}
              />
            </th>
          ) : null}
          <th scope="col">When</th>
          <th scope="col">Flow</th>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">What</th>
          <th scope="col">Duration</th>
          <th scope="col">Sync lag</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <RunRow key={run.id} run={run} selection={selection} />
        ))}
      </tbody>
    </table>
  );
}

function RunRow({ run, selection }: { run: RunListItem; selection: RunsTableProps["selection"] }) {
  const title = runTitle(run);
  return (
    <tr>
      {selection ? (
        <td>
          <input
            type="checkbox"
            aria-label={`Select run ${title}`}
            checked={selection.selected.has(run.id)}
            onChange={() => selection.onToggle(run.id)}
          />
        </td>
      ) : null}
      <td>
        <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
      </td>
      <td>{run.flowName}</td>
      <td>{run.isTest ? <span className="ho-badge">Test</span> : run.version === null ? "—" : `v${run.version}`}</td>
      <td>
        <span className={statusBadgeClass(run.status)}>{statusLabel(run.status)}</span>
      </td>
      <td>
        <Link href={`/runs/${run.id}`}>{title}</Link>
        {run.replayOf ? (
          <>
            {" "}
            <span className="ho-badge">Replay</span>
          </>
        ) : null}
        {run.businessKeys.length > 0 ? (
          <>
            <br />
            <small className="ho-muted">{run.businessKeys.join(" · ")}</small>
          </>
        ) : null}
      </td>
      <td>{formatDuration(run.durationMs)}</td>
      <td>{formatDuration(run.syncLagMs)}</td>
    </tr>
  );
}
