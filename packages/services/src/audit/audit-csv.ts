import type { Database } from "@handoff/db";
import { stringify } from "csv-stringify/sync";
import type { AuditFilters } from "./audit-filters";
import { type AuditEntry, listAudit } from "./list-audit";

/** Beyond this an export is a backup, not a report: narrow the dates instead. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

export const AUDIT_CSV_HEADER = [
  "Time",
  "Actor email",
  "Action",
  "Target type",
  "Target id",
  "Reason",
  "Before",
  "After",
] as const;

export interface StreamAuditCsvOptions {
  db: Database;
  workspaceId: string;
  filters?: AuditFilters;
  maxRows?: number;
  /** Rows read and written per round trip. */
  batchSize?: number;
}

/**
 * The filtered audit trail as CSV text, in chunks: the header, then one chunk per batch of rows,
 * newest first, so a large export never sits whole in memory. Starts with a byte-order mark, without
 * which Excel reads UTF-8 as a legacy code page and garbles names.
 */
export async function* streamAuditCsv({
  db,
  workspaceId,
  filters = {},
  maxRows = AUDIT_CSV_MAX_ROWS,
  batchSize = 1_000,
}: StreamAuditCsvOptions): AsyncGenerator<string> {
  yield stringify([[...AUDIT_CSV_HEADER]], { bom: true });
  let written = 0;
  let cursor: string | undefined;
  while (written < maxRows) {
    const page = await listAudit({
      db,
      workspaceId,
      filters,
      cursor,
      limit: Math.min(batchSize, maxRows - written),
      withTargetLabels: false,
    });
    if (page.entries.length > 0) yield stringify(page.entries.map(toCsvRecord));
    written += page.entries.length;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

function toCsvRecord(entry: AuditEntry): string[] {
  return [
    entry.createdAt,
    entry.actorEmail ?? "",
    entry.action,
    entry.targetType,
    entry.targetId ?? "",
    entry.reason ?? "",
    toJsonCell(entry.before),
    toJsonCell(entry.after),
  ].map(neutralizeFormula);
}

function toJsonCell(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some strip
 * first) as a formula; a reason or an email typed as `=HYPERLINK(...)` must stay text.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** `handoff-audit-2025-03-01.csv`, dated in UTC like the rows' times. */
export function auditCsvFilename(now: Date = new Date()): string {
  return `handoff-audit-${now.toISOString().slice(0, 10)}.csv`;
}
