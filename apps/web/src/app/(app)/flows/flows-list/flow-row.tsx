"use client";

import Link from "next/link";
import { useState } from "react";
import { DeleteFlowConfirmation } from "./delete-flow-confirmation";
import { FlowActions, type RowMode } from "./flow-actions";
import { FlowStatusBadge, RunOutcomeBadge } from "./flow-badges";
import { versionLabel } from "./flow-labels";
import { formatAbsoluteTime } from "./relative-time";
import { RenameFlowForm } from "./rename-flow-form";
import { TimeAgo } from "./time-ago";
import type { FlowListItem } from "./types";

export function FlowRow({
  flow,
  now,
  columns,
  canEdit,
  canPause,
  onNotice,
}: {
  flow: FlowListItem;
  now: Date;
  /** How many columns the table has, for the confirmation row that spans them. */
  columns: number;
  canEdit: boolean;
  canPause: boolean;
  onNotice: (notice: string) => void;
}) {
  const [mode, setMode] = useState<RowMode>("view");
  const hasActions = canEdit || canPause;

  return (
    <>
      <tr>
        <td>
          {mode === "rename" ? (
            <RenameFlowForm flow={flow} onDone={() => setMode("view")} />
          ) : (
            <Link href={`/flows/${flow.id}`}>{flow.name}</Link>
          )}
        </td>
        <td>
          <FlowStatusBadge status={flow.status} />
        </td>
        <td title={flow.publishedAt ? `Published ${formatAbsoluteTime(flow.publishedAt)}` : undefined}>
          {versionLabel(flow.version)}
        </td>
        <td>
          {flow.lastRun ? (
            <>
              <RunOutcomeBadge status={flow.lastRun.status} /> <TimeAgo date={flow.lastRun.createdAt} now={now} />
            </>
          ) : (
            <span className="ho-muted">No runs yet</span>
          )}
        </td>
        <td>
          {flow.owner ? (
            <span title={flow.owner.email}>{flow.owner.name || flow.owner.email}</span>
          ) : (
            <span className="ho-muted">—</span>
          )}
        </td>
        <td>
          <TimeAgo date={flow.updatedAt} now={now} />
        </td>
        {hasActions ? (
          <td>
            <FlowActions
              flow={flow}
              mode={mode}
              onModeChange={setMode}
              onNotice={onNotice}
              canEdit={canEdit}
              canPause={canPause}
            />
          </td>
        ) : null}
      </tr>
      {mode === "delete" ? (
        <tr>
          <td colSpan={columns}>
            <DeleteFlowConfirmation
              flow={flow}
              onCancel={() => setMode("view")}
              onDeleted={() => onNotice(`Deleted “${flow.name}”. Its run history stays.`)}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}
