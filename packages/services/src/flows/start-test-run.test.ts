import { createSecretBox } from "@handoff/auth";
import { startWebhookReceiver, type WebhookReceiver } from "@handoff/connector-sdk/testing";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun } from "@handoff/engine";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { getRun } from "../runs/get-run";
import { createWorkspace } from "../workspaces/create-workspace";
import { createFlow } from "./create-flow";
import { startTestRun, TestRunRefusedError } from "./start-test-run";

const secretBox = createSecretBox(Buffer.alloc(32, 3).toString("base64"));

function draftPostingTo(url: string, trigger = { connector: "core", operation: "webhook" }): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes: [
      { id: "trigger", type: "trigger", ...trigger, props: {}, label: "Event", position: { x: 0, y: 0 } },
      {
        id: "notify",
        type: "action",
        connector: "core",
        operation: "http-request",
        props: { method: "POST", url, body: { greeting: "Hello {{ trigger.name }}" } },
        label: "Notify",
        position: { x: 0, y: 120 },
      },
    ],
    edges: [{ id: "e1", source: "trigger", sourceHandle: null, target: "notify" }],
  };
}

describe("test runs of a draft, against a real database and a real HTTP sink", () => {
  let database: TestDatabase;
  let sink: WebhookReceiver;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startWebhookReceiver("/sink");
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
  });
  afterAll(async () => {
    await sink.close();
    await database.destroy();
  });

  it("runs the unpublished draft with a pasted payload, marked as a test, and again with a past run's event", async () => {
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Draft only",
      graph: draftPostingTo(sink.url),
      actorUserId: null,
    });
    const { runId } = await startTestRun({
      db: database.db,
      workspaceId,
      flowId: flow.id,
      source: { kind: "payload", payload: { name: "Jane" } },
      actorUserId: null,
    });
    expect(await executeRun({ db: database.db, runId })).toEqual({ kind: "succeeded" });
    expect(JSON.parse(sink.received.at(-1)?.rawBody.toString() ?? "{}")).toEqual({ greeting: "Hello Jane" });
    const run = await getRun({ db: database.db, runId });
    expect(run).toMatchObject({ status: "succeeded", version: null, summary: expect.stringMatching(/^Test: /) });
    expect(run.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ["trigger", "succeeded"],
      ["notify", "succeeded"],
    ]);
    const { rows } = await database.pool.query("select is_test, flow_version_id from flow_runs where id = $1", [runId]);
    expect(rows[0]).toEqual({ is_test: true, flow_version_id: null });

    const again = await startTestRun({
      db: database.db,
      workspaceId,
      flowId: flow.id,
      source: { kind: "run", runId },
      actorUserId: null,
    });
    await executeRun({ db: database.db, runId: again.runId });
    expect(JSON.parse(sink.received.at(-1)?.rawBody.toString() ?? "{}")).toEqual({ greeting: "Hello Jane" });
  });

  it("uses the trigger's sample event, and says so when the trigger has none", async () => {
    const calcom = await createFlow({
      db: database.db,
      workspaceId,
      name: "Booking",
      graph: draftPostingTo(sink.url, { connector: "calcom", operation: "booking-created" }),
      actorUserId: null,
    });
    const sampled = await startTestRun({
      db: database.db,
      workspaceId,
      flowId: calcom.id,
      source: { kind: "sample" },
      actorUserId: null,
    });
    expect((await getRun({ db: database.db, runId: sampled.runId })).trigger).toMatchObject({
      triggerEvent: "BOOKING_CREATED",
    });
    const plain = await createFlow({ db: database.db, workspaceId, name: "Plain", actorUserId: null });
    await expect(
      startTestRun({ db: database.db, workspaceId, flowId: plain.id, source: { kind: "sample" }, actorUserId: null }),
    ).rejects.toThrow(TestRunRefusedError);
  });

  it("swaps a live connection for the test connection of the same tool, and refuses when there is none", async () => {
    const connection = (name: string, environment: "test" | "live", provider = "calcom") =>
      createConnection({
        db: database.db,
        secretBox,
        workspaceId,
        actorUserId: null,
        provider,
        name,
        environment,
        credentials: { token: `cal_${environment}_swap_1234` },
      });
    const live = (await connection("Cal.com live", "live")).id;
    await connection("Other calendar test", "test");
    const twin = (await connection("Cal.com test", "test")).id;
    const graph = draftPostingTo(sink.url, { connector: "calcom", operation: "booking-created" });
    const withLive = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === "trigger" ? { ...n, connectionId: live } : n)),
    };
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Live bound",
      graph: withLive,
      actorUserId: null,
    });
    const { runId } = await startTestRun({
      db: database.db,
      workspaceId,
      flowId: flow.id,
      source: { kind: "sample" },
      actorUserId: null,
    });
    const { rows } = await database.pool.query<{ test_graph: FlowDocument }>(
      "select test_graph from flow_runs where id = $1",
      [runId],
    );
    expect(rows[0]?.test_graph.nodes[0]).toMatchObject({ id: "trigger", connectionId: twin });

    const otherWorkspace = (await createWorkspace({ db: database.db, name: "Live only" })).id;
    const onlyLive = await createConnection({
      db: database.db,
      secretBox,
      workspaceId: otherWorkspace,
      actorUserId: null,
      provider: "calcom",
      name: "Cal.com",
      environment: "live",
      credentials: { token: "cal_live_only_1234" },
    });
    const liveOnlyGraph = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === "trigger" ? { ...n, connectionId: onlyLive.id } : n)),
    };
    const stuck = await createFlow({
      db: database.db,
      workspaceId: otherWorkspace,
      name: "No test account",
      graph: liveOnlyGraph,
      actorUserId: null,
    });
    await expect(
      startTestRun({
        db: database.db,
        workspaceId: otherWorkspace,
        flowId: stuck.id,
        source: { kind: "sample" },
        actorUserId: null,
      }),
    ).rejects.toThrow('"Event" uses the live connection "Cal.com"; add a test connection for calcom');
  });

  it("only takes events from this flow's own runs, in this workspace", async () => {
    const other = (await createWorkspace({ db: database.db, name: "Other" })).id;
    const flow = await createFlow({ db: database.db, workspaceId, name: "Mine", actorUserId: null });
    await expect(
      startTestRun({
        db: database.db,
        workspaceId: other,
        flowId: flow.id,
        source: { kind: "sample" },
        actorUserId: null,
      }),
    ).rejects.toThrow("not found");
  });

  it("tests one step alone with the earlier steps' outputs from the last test, and runs nothing after it", async () => {
    const post = (id: string, path: string, body: Record<string, string>, y: number) => ({
      id,
      type: "action" as const,
      connector: "core",
      operation: "http-request",
      props: { method: "POST", url: `${sink.url}${path}`, body },
      label: id,
      position: { x: 0, y },
    });
    const graph: FlowDocument = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      nodes: [
        {
          id: "trigger",
          type: "trigger",
          connector: "core",
          operation: "webhook",
          props: {},
          label: "Event",
          position: { x: 0, y: 0 },
        },
        post("first", "/first", { name: "{{ trigger.name }}" }, 100),
        post("second", "/second", { first: "{{ steps.first.status }}", name: "{{ trigger.name }}" }, 200),
        post("third", "/third", {}, 300),
      ],
      edges: [
        { id: "e1", source: "trigger", sourceHandle: null, target: "first" },
        { id: "e2", source: "first", sourceHandle: null, target: "second" },
        { id: "e3", source: "second", sourceHandle: null, target: "third" },
      ],
    };
    const flow = await createFlow({ db: database.db, workspaceId, name: "Three calls", graph, actorUserId: null });
    const whole = await startTestRun({
      db: database.db,
      workspaceId,
      flowId: flow.id,
      source: { kind: "payload", payload: { name: "Jane" } },
      actorUserId: null,
    });
    expect(await executeRun({ db: database.db, runId: whole.runId })).toEqual({ kind: "succeeded" });
    const before = sink.received.length;

    const { runId } = await startTestRun({
      db: database.db,
      workspaceId,
      flowId: flow.id,
      source: { kind: "step", runId: whole.runId, nodeId: "second" },
      actorUserId: null,
    });
    expect(await executeRun({ db: database.db, runId })).toEqual({ kind: "succeeded" });
    // Only the tested step called out; it read the first step's output from the last test.
    const calls = sink.received.slice(before);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]?.rawBody.toString() ?? "{}")).toEqual({ first: 202, name: "Jane" });
    const run = await getRun({ db: database.db, runId });
    expect(run.summary).toMatch(/^Test of “second”: /);
    expect(run.steps.map((step) => step.nodeId).sort()).toEqual(["first", "second", "trigger"]);

    await expect(
      startTestRun({
        db: database.db,
        workspaceId,
        flowId: flow.id,
        source: { kind: "step", runId: whole.runId, nodeId: "missing" },
        actorUserId: null,
      }),
    ).rejects.toThrow('The draft has no step "missing" to test');
  });
});
