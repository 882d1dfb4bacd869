"use client";

import Link from "next/link";
import { formatDateTime } from "../run-format";
import { KIND_LABELS, kindBadgeClass } from "./attention-filters";
import { DeliveryDetails } from "./delivery-details";
import { ItemActions } from "./item-actions";
import type { Assignee, AttentionItem } from "./types";

/** What a person who may operate runs can do from the queue; absent for bookkeepers. */
export interface AttentionOperations {
  assignees: readonly Assignee[];
  /** The item with a change in flight: its controls wait for it. */
  busyItemId: string | null;
  onAssign: (item: AttentionItem, assigneeUserId: string | null) => void;
  onRetry: (item: AttentionItem) => void;
  onResolve: (item: AttentionItem) => void;
  onDismiss: (item: AttentionItem) => void;
}

/** The queue, one row per item; controls only with `operations`. */
export function AttentionTable({
  items,
  operations,
}: {
  items: readonly AttentionItem[];
  operations?: AttentionOperations;
}) {
  return (
    <table className="ho-table ho-attention-table" aria-label="Items needing attention">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Flow</th>
          <th scope="col">Title</th>
          <th scope="col">Detail</th>
          <th scope="col">When</th>
          <th scope="col">Assignee</th>
          {operations ? <th scope="col">Actions</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.kind}:${item.id}`}>
            <td>
              <span className={kindBadgeClass(item.kind)}>{KIND_LABELS[item.kind]}</span>
            </td>
            <td>{item.flowName ?? "—"}</td>
            <td>{item.kind === "run" ? <Link href={`/runs/${item.id}`}>{item.title}</Link> : item.title}</td>
            <td>
              {item.detail ?? "—"}
              {item.kind === "rejected_delivery" ? <DeliveryDetails deliveryId={item.id} /> : null}
            </td>
            <td>
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
            </td>
            <td>
              {operations ? (
                <AssigneeSelect item={item} operations={operations} />
              ) : (
                (item.assignedTo?.email ?? "Unassigned")
              )}
            </td>
            {operations ? (
              <td>
                <ItemActions item={item} operations={operations} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AssigneeSelect({ item, operations }: { item: AttentionItem; operations: AttentionOperations }) {
  const current = item.assignedTo;
  // Someone who left the workspace is still shown as the assignee until the item is reassigned.
  const missing = current && !operations.assignees.some((person) => person.userId === current.userId);
  return (
    <select
      className="ho-attention-assign"
      aria-label="Assign to"
      value={current?.userId ?? ""}
      disabled={operations.busyItemId === item.id}
      onChange={(event) => operations.onAssign(item, event.target.value || null)}
    >
      <option value="">Unassigned</option>
      {missing ? <option value={current.userId}>{current.email}</option> : null}
      {operations.assignees.map((person) => (
        <option key={person.userId} value={person.userId}>
          {person.email}
        </option>
      ))}
    </select>
  );
}
