import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRun } from "./execute-run";

describe("executeRun over a real database", () => {
  let database: TestDatabase;
  let sinkUrl: string;
  const received: { path: string; body: unknown }[] = [];
  const closeSink: (() => void)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on("end", () => {
        received.push({ path: req.url ?? "", body: body ? JSON.parse(body) : null });
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    sinkUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeSink.push(() => server.close());
  });
  afterAll(async () => {
    for (const close of closeSink) close();
    await database.destroy();
  });

  /** Inserts workspace, flow, version, event and a queued run; returns the run id. */
  async function queueRun(graph: unknown, payload: unknown): Promise<string> {
    const { rows } = await database.pool.query<{ run_id: string }>(
      `with w as (insert into workspaces (name) values ('Test') returning id),
            f as (insert into flows (workspace_id, name, hook_id, draft_graph) select id, 'f', gen_random_uuid()::text, $1::jsonb from w returning id, workspace_id),
            v as (insert into flow_versions (flow_id, number, graph) select id, 1, $1::jsonb from f returning id),
            e as (insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
                  select f.workspace_id, f.id, 'k', 'accepted', $2::jsonb from f returning id)
       insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id)
       select f.workspace_id, f.id, v.id, e.id from f, v, e returning id as run_id`,
      [JSON.stringify(graph), JSON.stringify(payload)],
    );
    return rows[0]?.run_id ?? "";
  }

  const node = (id: string, rest: Record<string, unknown>) => ({ id, label: id, position: { x: 0, y: 0 }, ...rest });
  const http = (id: string, path: string, body: Record<string, unknown>) =>
    node(id, {
      type: "action",
      connector: "core",
      operation: "http-request",
      props: { method: "POST", url: `${sinkUrl}${path}`, body },
    });
  const trigger = node("t", { type: "trigger", connector: "core", operation: "webhook", props: {} });
  const edge = (source: string, target: string, sourceHandle: string | null = null) => ({
    id: `${source}-${sourceHandle ?? "out"}-${target}`,
    source,
    sourceHandle,
    target,
  });

  it("follows the first matching path and loops over the items, one step per item", async () => {
    const graph = {
      schemaVersion: 2,
      nodes: [
        trigger,
        node("route", {
          type: "paths",
          props: {
            mode: "first-match",
            branches: [
              {
                key: "vip",
                label: "VIP",
                rules: { combinator: "and", rules: [{ field: "trigger.tier", operator: "equals", value: "vip" }] },
              },
              { key: "rest", label: "Everyone", rules: { combinator: "and", rules: [] } },
            ],
          },
        }),
        node("each", { type: "loop", props: { items: "{{ trigger.lines }}" } }),
        http("line", "/lines", { sku: "{{ steps.each.item.sku }}", index: "{{ steps.each.index }}" }),
        http("standard", "/standard", {}),
        http("after", "/after", { count: "{{ steps.each.count }}" }),
      ],
      edges: [
        edge("t", "route"),
        edge("route", "each", "vip"),
        edge("route", "standard", "rest"),
        edge("each", "line", "body"),
        edge("each", "after", "done"),
      ],
    };
    const runId = await queueRun(graph, { tier: "vip", lines: [{ sku: "A" }, { sku: "B" }, { sku: "C" }] });
    received.length = 0;
    expect(await executeRun({ db: database.db, runId })).toEqual({ kind: "succeeded" });
    expect(received).toEqual([
      { path: "/lines", body: { sku: "A", index: 0 } },
      { path: "/lines", body: { sku: "B", index: 1 } },
      { path: "/lines", body: { sku: "C", index: 2 } },
      { path: "/after", body: { count: 3 } },
    ]);
    const { rows } = await database.pool.query<{ step_key: string }>(
      "select step_key from step_runs where run_id = $1 order by id",
      [runId],
    );
    expect(rows.map((row) => row.step_key)).toEqual(["t", "route", "line[0]", "line[1]", "line[2]", "each", "after"]);
    // Each step's input is what the tool received, references resolved — not the props as written.
    const inputs = await database.pool.query<{ input: { body: unknown } }>(
      "select input from step_runs where run_id = $1 and node_id = 'line' order by id",
      [runId],
    );
    expect(inputs.rows.map((row) => row.input.body)).toEqual([
      { sku: "A", index: 0 },
      { sku: "B", index: 1 },
      { sku: "C", index: 2 },
    ]);

    // Run again: every step is a memo hit, nothing is sent twice.
    await database.pool.query("update flow_runs set status = 'queued' where id = $1", [runId]);
    expect(await executeRun({ db: database.db, runId })).toEqual({ kind: "succeeded" });
    expect(received).toHaveLength(4);
  });

  it("stops quietly at a filter that does not pass", async () => {
    const graph = {
      schemaVersion: 2,
      nodes: [
        trigger,
        node("paid", {
          type: "filter",
          props: { combinator: "and", rules: [{ field: "trigger.status", operator: "equals", value: "paid" }] },
        }),
        http("thank", "/thanks", {}),
      ],
      edges: [edge("t", "paid"), edge("paid", "thank")],
    };
    received.length = 0;
    const runId = await queueRun(graph, { status: "open" });
    expect(await executeRun({ db: database.db, runId })).toEqual({ kind: "succeeded" });
    expect(received).toEqual([]);
  });

  it("sleeps at a delay until its wake time, keeping that time across resumes", async () => {
    const graph = {
      schemaVersion: 2,
      nodes: [
        trigger,
        node("wait", { type: "delay", props: { mode: "duration", amount: 1, unit: "hours" } }),
        http("later", "/later", {}),
      ],
      edges: [edge("t", "wait"), edge("wait", "later")],
    };
    received.length = 0;
    const start = new Date("2026-03-01T10:00:00Z");
    const runId = await queueRun(graph, {});
    expect(await executeRun({ db: database.db, runId, now: () => start })).toEqual({
      kind: "wait",
      at: new Date("2026-03-01T11:00:00Z"),
    });
    const waiting = await database.pool.query("select status from flow_runs where id = $1", [runId]);
    expect(waiting.rows).toEqual([{ status: "waiting" }]);

    // Woken early (e.g. a retry): still waits for the original wake time.
    const early = new Date("2026-03-01T10:30:00Z");
    expect(await executeRun({ db: database.db, runId, now: () => early })).toEqual({
      kind: "wait",
      at: new Date("2026-03-01T11:00:00Z"),
    });
    expect(received).toEqual([]);

    const late = new Date("2026-03-01T11:00:01Z");
    expect(await executeRun({ db: database.db, runId, now: () => late })).toEqual({ kind: "succeeded" });
    expect(received).toEqual([{ path: "/later", body: {} }]);
  });

  it("names the node when props do not fit the action", async () => {
    const graph = {
      schemaVersion: 2,
      nodes: [
        trigger,
        node("bad", {
          type: "action",
          connector: "core",
          operation: "http-request",
          label: "Bad call",
          props: { method: "POST", url: "{{ trigger.url }}" },
        }),
      ],
      edges: [edge("t", "bad")],
    };
    const runId = await queueRun(graph, { url: "not a url" });
    const outcome = await executeRun({ db: database.db, runId });
    expect(outcome).toMatchObject({ kind: "needs_attention", nodeId: "bad" });
    expect(outcome.kind === "needs_attention" && outcome.message).toContain("props.url");
    // The failed step shows the value that did not fit, so the person fixing it sees why.
    const { rows } = await database.pool.query<{ input: { url: string } }>(
      "select input from step_runs where run_id = $1 and node_id = 'bad'",
      [runId],
    );
    expect(rows[0]?.input.url).toBe("not a url");
  });

  it("leaves a finished run alone", async () => {
    const runId = await queueRun({ schemaVersion: 2, nodes: [trigger], edges: [] }, {});
    await database.pool.query("update flow_runs set status = 'succeeded' where id = $1", [runId]);
    expect(await executeRun({ db: database.db, runId })).toEqual({ kind: "not_runnable" });
  });
});
