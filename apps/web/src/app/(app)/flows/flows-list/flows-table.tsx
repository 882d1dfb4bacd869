"use client";

import { FlowRow } from "./flow-row";
import type { FlowListItem } from "./types";

const HEADINGS = ["Name", "Status", "Version", "Last run", "Owner", "Updated"] as const;

export function FlowsTable({
  flows,
  canEdit,
  canPause,
  onNotice,
}: {
  flows: readonly FlowListItem[];
  canEdit: boolean;
  canPause: boolean;
  onNotice: (notice: string) => void;
}) {
  const hasActions = canEdit || canPause;
  const columns = HEADINGS.length + (hasActions ? 1 : 0);
  // One clock for the whole table, so rows loaded together read consistently; a refetch re-renders it.
  const now = new Date();

  return (
    <table className="ho-table" aria-label="Flows">
      <thead>
        <tr>
          {HEADINGS.map((heading) => (
            <th scope="col" key={heading}>
              {heading}
            </th>
          ))}
          {hasActions ? (
            <th scope="col">
              <span className="ho-muted">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => (
          <FlowRow
            key={flow.id}
            flow={flow}
            now={now}
            columns={columns}
            canEdit={canEdit}
            canPause={canPause}
            onNotice={onNotice}
          />
        ))}
      </tbody>
    </table>
  );
}
