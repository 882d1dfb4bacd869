import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun } from "@handoff/engine";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import {
  createFlow,
  createUser,
  createWorkspace,
  ingestWebhookEvent,
  publishFlow,
  resolveSessionMember,
  type SessionMember,
} from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

/** Refuses any body whose email is not corrected yet, like a strict invoicing API would. */
function startStrictSink(): Promise<{ server: Server; url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { email?: string };
      bodies.push(body);
      if (body.email?.toLowerCase().endsWith("@typo.example"))
        res.writeHead(400, { "content-type": "application/json" }).end('{"error":"bad email"}');
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, bodies, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/invoices` }),
    ),
  );
}

describe("runs router over a real database", () => {
  let database: TestDatabase;
  let sink: Awaited<ReturnType<typeof startStrictSink>>;
  let operator: SessionMember;
  let viewer: SessionMember;
  let stranger: SessionMember;
  let hookId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startStrictSink();
    const workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    operator = await member(workspaceId, "sam@roe.test", "operator");
    viewer = await member(workspaceId, "bea@roe.test", "viewer");
    stranger = await member((await createWorkspace({ db: database.db, name: "Other" })).id, "x@o.test", "owner");
    const graph: FlowDocument = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      nodes: [
        {
          id: "trigger",
          type: "trigger",
          connector: "core",
          operation: "webhook",
          props: {},
          label: "Booking",
          position: { x: 0, y: 0 },
        },
        {
          id: "invoice",
          type: "action",
          connector: "core",
          operation: "http-request",
          props: { method: "POST", url: sink.url, body: { email: "{{ trigger.email }}" } },
          label: "Create invoice",
          position: { x: 0, y: 120 },
        },
      ],
      edges: [{ id: "e1", source: "trigger", sourceHandle: null, target: "invoice" }],
    };
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Booking → invoice",
      graph,
      actorUserId: null,
    });
    await publishFlow({ db: database.db, flowId: flow.id, message: "v1", actorUserId: null });
    hookId = flow.hookId;
  });
  afterAll(async () => {
    sink.server.close();
    await database.destroy();
  });

  async function member(workspaceId: string, email: string, role: "operator" | "viewer" | "owner") {
    const user = await createUser({ db: database.db, workspaceId, email, password: "password-1", role });
    const found = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
    if (!found) throw new Error("no member");
    return found;
  }
  const as = (who: SessionMember) => createCaller(testApiContext(database.db, who));

  async function deliver(body: object) {
    const context = testApiContext(database.db, null);
    const outcome = await ingestWebhookEvent({
      db: database.db,
      secretBox: context.secretBox,
      hookId,
      method: "POST",
      url: `http://127.0.0.1/api/hooks/${hookId}`,
      headers: { "content-type": "application/json" },
      rawBody: Buffer.from(JSON.stringify(body)),
    });
    if (outcome.outcome !== "accepted") throw new Error(`not accepted: ${outcome.outcome}`);
    await executeRun({ db: database.db, runId: outcome.runId });
    return outcome.runId;
  }

  it("finds a failed run by the customer's email, shows its steps, and fixes it by replay with an edit", async () => {
    await deliver({ email: "ok@roe.test" });
    const failedId = await deliver({ email: "Jane.Roe@Typo.Example" });
    const found = await as(viewer).runs.list({ search: "  JANE.ROE@TYPO.EXAMPLE " });
    expect(found.runs.map((run) => run.id)).toEqual([failedId]);
    expect(found.runs[0]).toMatchObject({ status: "needs_attention", version: 1, isTest: false });

    const detail = await as(viewer).runs.get({ runId: failedId });
    expect(detail.steps.find((step) => step.nodeId === "invoice")).toMatchObject({
      status: "failed",
      error: expect.objectContaining({ message: expect.stringContaining("400") }),
    });

    // A bookkeeper reads; the server refuses them the fix even if they call it.
    await expect(as(viewer).runs.replay({ runId: failedId, payload: {}, reason: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      as(operator).runs.replay({ runId: failedId, payload: { email: "jane.roe@roe.test" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("reason"),
    });
    const replay = await as(operator).runs.replay({
      runId: failedId,
      payload: { email: "jane.roe@roe.test" },
      reason: "Typo in the booking's email",
    });
    await executeRun({ db: database.db, runId: replay.runId });
    expect((await as(viewer).runs.get({ runId: replay.runId })).status).toBe("succeeded");
    expect(sink.bodies.at(-1)).toEqual({ email: "jane.roe@roe.test" });
    const { rows } = await database.pool.query(
      "select reason from audit_log where action = 'run.replay_payload_edited' and target_id = $1",
      [failedId],
    );
    expect(rows).toEqual([{ reason: "Typo in the booking's email" }]);
  });

  it("filters by status and kind, pages with a cursor, and keeps other workspaces out", async () => {
    for (const n of [1, 2, 3]) await deliver({ email: `p${n}@roe.test` });
    const first = await as(viewer).runs.list({ status: "succeeded", kind: "live", limit: 2 });
    expect(first.runs).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await as(viewer).runs.list({
      status: "succeeded",
      kind: "live",
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    });
    const ids = [...first.runs, ...second.runs].map((run) => run.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await as(viewer).runs.list({ kind: "test" })).runs).toEqual([]);
    const someRun = first.runs[0]?.id ?? "";
    await expect(as(stranger).runs.get({ runId: someRun })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await as(stranger).runs.list({})).runs).toEqual([]);
    await expect(
      as(viewer).runs.list({ from: new Date("2030-01-02"), to: new Date("2030-01-01") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("retries, and cancels with a reason, both audited", async () => {
    const failedId = await deliver({ email: "twice@typo.example" });
    expect(await as(operator).runs.retry({ runId: failedId })).toMatchObject({ previousStatus: "needs_attention" });
    await expect(as(operator).runs.cancel({ runId: failedId, reason: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(
      await as(operator).runs.cancel({ runId: failedId, reason: "Customer booked by phone instead" }),
    ).toMatchObject({
      previousStatus: "queued",
    });
    await expect(as(operator).runs.retry({ runId: failedId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { rows } = await database.pool.query<{ action: string }>(
      "select action from audit_log where target_id = $1 order by id",
      [failedId],
    );
    expect(rows.map((row) => row.action)).toEqual(["run.retried", "run.canceled"]);
  });
});
