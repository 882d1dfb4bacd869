import { type Database, schema } from "@handoff/db";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import {
  HISTORY_SAMPLE_EMAIL,
  HISTORY_WALK_IN_EMAIL,
  type HistoryKeys,
  sampleHistoryKeys,
  seedHistory,
} from "@handoff/db/testing/seed-history";
import { getRun, type ListRunsOptions, listFlows, listRuns, streamRunsCsv } from "@handoff/services";
import { drizzle } from "drizzle-orm/node-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const RUNS = 1_000_000;
/** A query of the runs page may read at most this many rows of a runs table: 1% of the history. */
const READ_BUDGET = RUNS / 100;
const HISTORY_TABLES = ["flow_runs", "step_runs"] as const;
const DAY_MS = 86_400_000;

interface SentQuery {
  sql: string;
  params: unknown[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/**
 * Issue #8's proof that the run history stays fast at a million runs: every query the runs pages
 * send, captured as sent (SQL and parameters) from the service that sends it, must reach the runs
 * and their steps through an index — no sequential scan — and read at most 1% of them.
 */
describe("the run history at a million runs", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let flowIds: string[];
  let keys: HistoryKeys;
  let deepCursor: NonNullable<ListRunsOptions["before"]>;
  let failedRunId: string;
  const seededAt = new Date();

  beforeAll(async () => {
    database = await createTestDatabase();
    const history = await seedHistory({ db: database.db, runs: RUNS, workspaceName: "Busy salon group" });
    workspaceId = history.workspaceId;
    flowIds = history.flows.map((flow) => flow.id);
    keys = await sampleHistoryKeys({ db: database.db, workspaceId, perKind: 5 });
    // Half-way down the history: what "load more" sends after ten thousand clicks.
    const deep = await database.pool.query<{ created_at: string; id: string }>(
      `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at, id
         from flow_runs where workspace_id = $1 order by created_at desc, id desc offset $2 limit 1`,
      [workspaceId, RUNS / 2],
    );
    const failed = await database.pool.query<{ id: string }>(
      `select id from flow_runs where workspace_id = $1 and status = 'failed' and not is_test
        order by created_at desc limit 1`,
      [workspaceId],
    );
    const [deepRow, failedRow] = [deep.rows[0], failed.rows[0]];
    if (!deepRow || !failedRow) throw new Error("The seeded history has no deep page or no failed run");
    deepCursor = { createdAt: deepRow.created_at, id: deepRow.id };
    failedRunId = failedRow.id;
  }, 15 * 60_000);

  afterAll(() => database?.destroy());

  /** Runs `call` with a database that records each statement as it goes to the server. */
  async function sentBy(call: (db: Database) => Promise<unknown>): Promise<SentQuery[]> {
    const sent: SentQuery[] = [];
    const recording = drizzle({
      client: database.pool,
      schema,
      logger: { logQuery: (sql, params) => sent.push({ sql, params }) },
    });
    await call(recording);
    return sent;
  }

  async function explain({ sql, params }: SentQuery): Promise<PlanNode> {
    const result = await database.pool.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
      `explain (analyze, format json) ${sql}`,
      params,
    );
    const plan = result.rows[0]?.["QUERY PLAN"][0]?.Plan;
    if (!plan) throw new Error(`No plan for ${sql}`);
    return plan;
  }

  /** The query reaches every history table through an index, and reads little of it. */
  async function expectIndexed(name: string, sent: SentQuery[]) {
    expect(sent.length, `${name}: no query was sent`).toBeGreaterThan(0);
    for (const query of sent) {
      const nodes = flatten(await explain(query));
      const indexes = [...new Set(nodes.flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : [])))];
      const context = `${name}\n  indexes used: ${indexes.join(", ") || "none"}\n  sql: ${oneLine(query.sql)}\n  params: ${JSON.stringify(query.params)}`;
      for (const table of HISTORY_TABLES) {
        const scans = nodes.filter((node) => node["Relation Name"] === table);
        expect(
          scans.filter((node) => node["Node Type"] === "Seq Scan"),
          `${context}\n  sequential scan of ${table}`,
        ).toEqual([]);
        const read = scans.reduce((sum, node) => sum + rowsRead(node), 0);
        expect(read, `${context}\n  rows of ${table} read`).toBeLessThanOrEqual(READ_BUDGET);
      }
    }
  }

  const now = seededAt.getTime();
  const listCases: [string, () => Omit<ListRunsOptions, "db">][] = [
    ["the newest runs", () => ({ workspaceId })],
    ["a page half-way down, through the cursor", () => ({ workspaceId, before: deepCursor })],
    ["one flow", () => ({ workspaceId, flowId: flowIds[0] })],
    ["one status", () => ({ workspaceId, status: "needs_attention" })],
    ["one flow's failures", () => ({ workspaceId, flowId: flowIds[1], status: "failed" })],
    [
      "a week, three months ago",
      () => ({ workspaceId, from: new Date(now - 97 * DAY_MS), to: new Date(now - 90 * DAY_MS) }),
    ],
    ["a date range, a page down", () => ({ workspaceId, from: new Date(now - 97 * DAY_MS), before: deepCursor })],
    ["the current version", () => ({ workspaceId, version: 3 })],
    ["one flow's current version", () => ({ workspaceId, flowId: flowIds[0], version: 3 })],
    ["live runs", () => ({ workspaceId, isTest: false })],
    ["test runs", () => ({ workspaceId, isTest: true })],
    [
      "flow, status, dates, version and live at once",
      () => ({
        workspaceId,
        flowId: flowIds[0],
        status: "failed",
        from: new Date(now - 60 * DAY_MS),
        to: new Date(now - 10 * DAY_MS),
        version: 2,
        isTest: false,
      }),
    ],
  ];

  it.each(listCases)("lists %s from an index", async (name, options) => {
    await expectIndexed(name, await sentBy((db) => listRuns({ db, ...options() })));
  });

  // An older version's runs come from flow_runs_version_created_idx, one version at a time.
  it.each([
    ["an older version", () => ({ workspaceId, version: 1 })],
    ["one flow's older version", () => ({ workspaceId, flowId: flowIds[2], version: 1 })],
  ] as [string, () => Omit<ListRunsOptions, "db">][])("lists %s from an index", async (name, options) => {
    await expectIndexed(name, await sentBy((db) => listRuns({ db, ...options() })));
  });

  const searches: [string, () => string[]][] = [
    ["a customer's e-mail", () => [first(keys.emails)]],
    ["a phone in E.164", () => [first(keys.phones)]],
    // As the API sends a phone typed the national way: the typed text and its E.164 spelling.
    ["a phone typed two ways", () => [nationalFrench(first(keys.phones)), first(keys.phones)]],
    ["an invoice number", () => [first(keys.invoiceNumbers)]],
    ["a booking uid", () => [first(keys.bookingUids)]],
    ["a deal id", () => [first(keys.dealIds)]],
    ["the front desk's walk-in e-mail, on 1% of the runs", () => [HISTORY_WALK_IN_EMAIL]],
    ["the trigger sample's e-mail, on every test run", () => [HISTORY_SAMPLE_EMAIL]],
    ["a key no run has", () => ["nobody@nowhere.example"]],
  ];

  it.each(searches)("finds runs by %s from an index", async (name, businessKeys) => {
    let found = 0;
    const sent = await sentBy(async (db) => {
      found = (await listRuns({ db, workspaceId, businessKeys: businessKeys() })).length;
    });
    if (name !== "a key no run has") expect(found, `${name}: ${businessKeys()} found no run`).toBeGreaterThan(0);
    await expectIndexed(name, sent);
  });

  it("shows a run with its steps from indexes", async () => {
    let steps = 0;
    const sent = await sentBy(async (db) => {
      steps = (await getRun({ db, runId: failedRunId })).steps.length;
    });
    expect(steps).toBeGreaterThanOrEqual(2);
    await expectIndexed("the run detail", sent);
  });

  it.each([
    ["every run", () => ({ workspaceId })],
    ["a searched customer", () => ({ workspaceId, businessKeys: [first(keys.emails)] })],
  ] as [string, () => Omit<ListRunsOptions, "db">][])(
    "exports the CSV of %s page by page from an index",
    async (name, filters) => {
      const sent = await sentBy(async (db) => {
        for await (const _chunk of streamRunsCsv({ db, filters: filters(), batchSize: 1_000, maxRows: 3_000 })) {
          // Read through: each batch is one query, and the later ones carry the cursor.
        }
      });
      await expectIndexed(`the CSV export of ${name}`, sent);
    },
  );

  it("lists the flows of the runs page's filter, with each one's last run, from indexes", async () => {
    await expectIndexed("the flow list", await sentBy((db) => listFlows({ db, workspaceId })));
  });
});

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

/** Rows a scan node produced or threw away, over all its loops (EXPLAIN reports them per loop). */
function rowsRead(node: PlanNode): number {
  const perLoop =
    (node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0);
  return perLoop * (node["Actual Loops"] ?? 1);
}

function first(values: readonly string[]): string {
  const value = values[0];
  if (!value) throw new Error("The seeded history has no key of this kind");
  return value;
}

/** "+33612345678" as a French customer types it: "06 12 34 56 78". */
function nationalFrench(e164: string): string {
  return `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, "$1 ");
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, " ").trim();
}
