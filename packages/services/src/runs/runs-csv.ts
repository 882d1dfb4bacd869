import { stringify } from "csv-stringify/sync";
import { neutralizeFormula } from "../audit/audit-csv";
import { type ListRunsOptions, listRuns } from "./list-runs";

/** Beyond this an export is a backup, not a report: narrow the dates instead. */
export const RUNS_CSV_MAX_ROWS = 100_000;

export const RUNS_CSV_HEADER = [
  "Run id",
  "Created at",
  "Flow",
  "Version",
  "Status",
  "Test",
  "Summary",
  "Business keys",
  "Duration ms",
  "Sync lag ms",
] as const;

/** The run list's filters, workspace included; the export pages through them itself. */
export type RunsCsvFilters = Omit<ListRunsOptions, "db" | "before" | "limit">;

export interface StreamRunsCsvOptions {
  db: ListRunsOptions["db"];
  filters: RunsCsvFilters;
  maxRows?: number;
  /** Rows read and written per round trip. */
  batchSize?: number;
}

type RunListRow = Awaited<ReturnType<typeof listRuns>>[number];

/**
 * The filtered run history as CSV text, one row per run with its business keys, newest first, in
 * chunks: the header, then one chunk per batch, so a large export never sits whole in memory.
 * Starts with a byte-order mark, without which Excel reads UTF-8 as a legacy code page.
 */
export async function* streamRunsCsv({
  db,
  filters,
  maxRows = RUNS_CSV_MAX_ROWS,
  batchSize = 1_000,
}: StreamRunsCsvOptions): AsyncGenerator<string> {
  yield stringify([[...RUNS_CSV_HEADER]], { bom: true });
  let written = 0;
  let before: ListRunsOptions["before"];
  while (written < maxRows) {
    const limit = Math.min(batchSize, maxRows - written);
    const runs = await listRuns({ db, ...filters, before, limit });
    if (runs.length > 0) yield stringify(runs.map(toCsvRecord));
    written += runs.length;
    const last = runs.at(-1);
    if (runs.length < limit || !last) return;
    before = { createdAt: last.createdAt, id: last.id };
  }
}

function toCsvRecord(run: RunListRow): string[] {
  // Names, summaries and keys come from customers and providers; the numbers are Handoff's own,
  // and a negative lag (a source clock ahead of ours) must stay a number, not become text.
  return [
    neutralizeFormula(run.id),
    run.createdAt,
    neutralizeFormula(run.flowName),
    run.version === null ? "" : String(run.version),
    run.status,
    run.isTest ? "yes" : "no",
    neutralizeFormula(run.summary),
    neutralizeFormula(run.businessKeys.join("; ")),
    run.durationMs === null ? "" : String(run.durationMs),
    run.syncLagMs === null ? "" : String(run.syncLagMs),
  ];
}

/** `handoff-runs-2025-03-01.csv`, dated in UTC like the rows' times. */
export function runsCsvFilename(now: Date = new Date()): string {
  return `handoff-runs-${now.toISOString().slice(0, 10)}.csv`;
}
