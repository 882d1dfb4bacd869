import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { createWorkspace } from "../workspaces/create-workspace";
import { RUNS_CSV_HEADER, type RunsCsvFilters, runsCsvFilename, streamRunsCsv } from "./runs-csv";

/** RFC 4180, written here rather than trusting the writer's own reader to read its output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else if (char !== "\r") cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe("runs CSV export", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let bookingsFlowId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    otherWorkspaceId = (await createWorkspace({ db: database.db, name: "Elsewhere" })).id;
    bookingsFlowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings, invoices", actorUserId: null }))
      .id;
    const formulaFlowId = (await createFlow({ db: database.db, workspaceId, name: "=cmd|calc", actorUserId: null })).id;
    const strangerFlowId = (
      await createFlow({ db: database.db, workspaceId: otherWorkspaceId, name: "Theirs", actorUserId: null })
    ).id;
    const { rows } = await database.pool.query<{ id: string }>(
      `insert into flow_versions (flow_id, number, graph) values ($1, 3, '{}'::jsonb) returning id`,
      [bookingsFlowId],
    );
    const versionId = rows[0]?.id;
    const insert = (run: {
      id: string;
      workspace?: string;
      flow?: string;
      version?: string | null;
      status?: string;
      test?: boolean;
      summary?: string;
      keys?: string[];
      at: string;
      started?: string | null;
      finished?: string | null;
      source?: string | null;
    }) =>
      database.pool.query(
        `insert into flow_runs (id, workspace_id, flow_id, flow_version_id, status, is_test, trigger_summary,
                                business_keys, created_at, started_at, finished_at, source_event_at)
         values ($1, $2, $3, $4, $5::run_status, $6, $7, $8, $9, $10, $11, $12)`,
        [
          run.id,
          run.workspace ?? workspaceId,
          run.flow ?? bookingsFlowId,
          run.version === undefined ? versionId : run.version,
          run.status ?? "succeeded",
          run.test ?? false,
          run.summary ?? "",
          run.keys ?? [],
          run.at,
          run.started ?? null,
          run.finished ?? null,
          run.source ?? null,
        ],
      );
    await insert({
      id: "00000000-0000-4000-8000-000000000001",
      summary: 'Booking: Jane Roe, Tue 14:00 Europe/Paris, "first visit"',
      keys: ["jane.roe@roe.test", "+33612345678", "INV-0042"],
      at: "2025-03-01T09:00:00Z",
      started: "2025-03-01T09:00:01Z",
      finished: "2025-03-01T09:00:03.250Z",
      source: "2025-03-01T08:59:58Z",
    });
    await insert({
      id: "00000000-0000-4000-8000-000000000002",
      status: "needs_attention",
      summary: '=HYPERLINK("https://evil.test","click")\nsecond line',
      keys: ["+33700000000"],
      at: "2025-03-02T09:00:00Z",
      started: "2025-03-02T09:00:00Z",
      finished: "2025-03-02T09:00:00.400Z",
      // The source's clock ran ahead of ours: a negative lag stays a number.
      source: "2025-03-02T09:00:00.900Z",
    });
    await insert({
      id: "00000000-0000-4000-8000-000000000003",
      flow: formulaFlowId,
      version: null,
      test: true,
      status: "waiting",
      at: "2025-03-03T09:00:00Z",
    });
    for (let i = 0; i < 4; i += 1) {
      await insert({ id: `00000000-0000-4000-8000-00000000001${i}`, at: `2025-03-04T09:00:0${i}Z` });
    }
    await insert({
      id: "00000000-0000-4000-8000-000000000099",
      workspace: otherWorkspaceId,
      flow: strangerFlowId,
      version: null,
      keys: ["jane.roe@roe.test"],
      at: "2025-03-05T09:00:00Z",
    });
  });
  afterAll(() => database.destroy());

  async function exportRows(
    filters: Partial<RunsCsvFilters> = {},
    extra: { maxRows?: number; batchSize?: number } = {},
  ) {
    let text = "";
    for await (const chunk of streamRunsCsv({ db: database.db, filters: { workspaceId, ...filters }, ...extra })) {
      text += chunk;
    }
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...RUNS_CSV_HEADER]);
    return rows;
  }

  it("writes one row per run of the workspace, newest first, across batches", async () => {
    const rows = await exportRows({}, { batchSize: 2 });
    expect(rows.map((row) => row[0])).toEqual([
      "00000000-0000-4000-8000-000000000013",
      "00000000-0000-4000-8000-000000000012",
      "00000000-0000-4000-8000-000000000011",
      "00000000-0000-4000-8000-000000000010",
      "00000000-0000-4000-8000-000000000003",
      "00000000-0000-4000-8000-000000000002",
      "00000000-0000-4000-8000-000000000001",
    ]);
    expect(rows.at(-1)).toEqual([
      "00000000-0000-4000-8000-000000000001",
      "2025-03-01T09:00:00.000000Z",
      "Bookings, invoices",
      "3",
      "succeeded",
      "no",
      'Booking: Jane Roe, Tue 14:00 Europe/Paris, "first visit"',
      "jane.roe@roe.test; +33612345678; INV-0042",
      "2250",
      "5250",
    ]);
    const testRun = rows.find((row) => row[0]?.endsWith("003")) ?? [];
    expect([testRun[3], testRun[4], testRun[5], testRun[8], testRun[9]]).toEqual(["", "waiting", "yes", "", ""]);
  });

  it("keeps cells that a spreadsheet would run as formulas as text, and numbers as numbers", async () => {
    const rows = await exportRows();
    const failed = rows.find((row) => row[0]?.endsWith("002")) ?? [];
    expect(failed[6]).toBe('\'=HYPERLINK("https://evil.test","click")\nsecond line');
    expect(failed[7]).toBe("'+33700000000");
    expect(failed[8]).toBe("400");
    expect(failed[9]).toBe("-500");
    expect(rows.find((row) => row[0]?.endsWith("003"))?.[2]).toBe("'=cmd|calc");
  });

  it("applies the list's filters and stops at the row cap", async () => {
    const ids = async (filters: Partial<RunsCsvFilters>) => (await exportRows(filters)).map((row) => row[0]);
    expect(await ids({ businessKeys: ["jane.roe@roe.test"] })).toEqual(["00000000-0000-4000-8000-000000000001"]);
    expect(await ids({ status: "needs_attention" })).toEqual(["00000000-0000-4000-8000-000000000002"]);
    expect(await ids({ isTest: true })).toEqual(["00000000-0000-4000-8000-000000000003"]);
    expect(await ids({ flowId: bookingsFlowId, version: 3, from: new Date("2025-03-04T00:00:00Z") })).toHaveLength(4);
    expect(await ids({ to: new Date("2025-03-02T00:00:00Z") })).toEqual(["00000000-0000-4000-8000-000000000001"]);
    expect(await exportRows({}, { maxRows: 3, batchSize: 2 })).toHaveLength(3);
    expect(await exportRows({ workspaceId: otherWorkspaceId, status: "failed" })).toEqual([]);
  });

  it("names the file by its UTC date", () => {
    expect(runsCsvFilename(new Date("2025-03-01T23:30:00-05:00"))).toBe("handoff-runs-2025-03-02.csv");
  });
});
