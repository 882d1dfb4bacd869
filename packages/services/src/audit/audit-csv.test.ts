import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { AUDIT_CSV_HEADER, auditCsvFilename, neutralizeFormula, streamAuditCsv } from "./audit-csv";
import type { AuditFilters } from "./audit-filters";

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

describe("audit CSV export", () => {
  let database: TestDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    const { rows } = await database.pool.query<{ id: string }>(
      "insert into users (email, password_hash) values ('ana@roe.test', 'x') returning id",
    );
    const insert = (action: string, targetId: string, reason: string | null, after: unknown, at: string) =>
      database.pool.query(
        `insert into audit_log (workspace_id, actor_user_id, action, target_type, target_id, reason, before, after, created_at)
         values ($1, $2, $3, 'run', $4, $5, $6, $7, $8)`,
        [
          workspaceId,
          rows[0]?.id,
          action,
          targetId,
          reason,
          JSON.stringify({ status: "failed" }),
          JSON.stringify(after),
          at,
        ],
      );
    await insert("run.retried", "r1", null, { status: "queued" }, "2025-03-01T09:00:00Z");
    await insert(
      "run.replay_payload_edited",
      "-2+3",
      '=HYPERLINK("https://evil.test","click")',
      { payload: { note: 'line one\nline "two", with comma' } },
      "2025-03-02T09:00:00Z",
    );
    await insert("run.replayed", "r3", "@SUM(A1:A9)", null, "2025-03-03T09:00:00Z");
    for (let i = 0; i < 7; i += 1) await insert("flow.saved", `f${i}`, null, { revision: i }, "2025-03-04T09:00:00Z");
  });
  afterAll(() => database.destroy());

  async function exportCsv(filters: AuditFilters = {}, extra: { maxRows?: number; batchSize?: number } = {}) {
    let text = "";
    for await (const chunk of streamAuditCsv({ db: database.db, workspaceId, filters, ...extra })) text += chunk;
    return text;
  }

  it("writes every row, across batches, with a header and JSON before/after that parse back", async () => {
    const text = await exportCsv({}, { batchSize: 3 });
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...AUDIT_CSV_HEADER]);
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row[2])).toEqual([
      ...Array(7).fill("flow.saved"),
      "run.replayed",
      "run.replay_payload_edited",
      "run.retried",
    ]);
    const edited = rows[8] ?? [];
    expect(edited[0]).toBe("2025-03-02T09:00:00.000Z");
    expect(edited[1]).toBe("ana@roe.test");
    expect(JSON.parse(edited[6] ?? "")).toEqual({ status: "failed" });
    expect(JSON.parse(edited[7] ?? "")).toEqual({ payload: { note: 'line one\nline "two", with comma' } });
    expect(rows[7]?.[7]).toBe("");
  });

  it("keeps cells that a spreadsheet would run as formulas as text", async () => {
    const rows = parseCsv((await exportCsv({ action: "run." })).slice(1));
    const edited = rows.find((row) => row[2] === "run.replay_payload_edited") ?? [];
    expect(edited[4]).toBe("'-2+3");
    expect(edited[5]).toBe(`'=HYPERLINK("https://evil.test","click")`);
    expect(rows.find((row) => row[2] === "run.replayed")?.[5]).toBe("'@SUM(A1:A9)");
    expect(["=1", "+1", "-1", "@x", "\tx", "\rx", "a=1", ""].map(neutralizeFormula)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      "a=1",
      "",
    ]);
  });

  it("applies the filters and stops at the row cap", async () => {
    expect(parseCsv((await exportCsv({ action: "run." })).slice(1))).toHaveLength(1 + 3);
    expect(parseCsv((await exportCsv({}, { maxRows: 4, batchSize: 3 })).slice(1))).toHaveLength(1 + 4);
    expect(parseCsv((await exportCsv({ targetType: "nothing" })).slice(1))).toEqual([[...AUDIT_CSV_HEADER]]);
  });

  it("names the file by its UTC date", () => {
    expect(auditCsvFilename(new Date("2025-03-01T23:30:00-05:00"))).toBe("handoff-audit-2025-03-02.csv");
  });
});
