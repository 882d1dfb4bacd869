"use client";

import type { AuditEntry } from "@handoff/services";
import { describeAuditEntry, targetName } from "./describe-audit-entry";

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <table className="ho-table" aria-label="Audit trail">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Target</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
        ))}
      </tbody>
    </table>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const hasDetails = entry.before !== null || entry.after !== null;
  return (
    <tr>
      <td>
        <time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleString()}</time>
      </td>
      {/* The CLI and background tasks act without a person; a deleted account also leaves no one. */}
      <td>{entry.actorEmail ?? <span className="ho-muted">System or CLI</span>}</td>
      <td>
        {describeAuditEntry(entry)}
        <br />
        <small className="ho-muted">
          <code>{entry.action}</code>
        </small>
        {entry.reason ? <p className="ho-muted">Reason: {entry.reason}</p> : null}
      </td>
      <td>
        <span className="ho-badge">{entry.targetType}</span>{" "}
        {entry.targetId ? <span title={entry.targetId}>{targetName(entry)}</span> : null}
      </td>
      <td>
        {hasDetails ? (
          <details>
            <summary>Before and after</summary>
            <JsonBlock title="Before" value={entry.before} />
            <JsonBlock title="After" value={entry.after} />
          </details>
        ) : (
          <span className="ho-muted">—</span>
        )}
      </td>
    </tr>
  );
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <strong>{title}</strong>
      <pre>{value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}</pre>
    </>
  );
}
