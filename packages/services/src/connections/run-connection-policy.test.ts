import { createSecretBox } from "@handoff/auth";
import { ConnectorError } from "@handoff/connector-sdk";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun } from "@handoff/engine";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { setFlowStatus } from "../flows/set-flow-status";
import { createRunServices } from "../runs/run-services";
import { createWorkspace } from "../workspaces/create-workspace";
import { createConnection } from "./create-connection";

const secretBox = createSecretBox(Buffer.alloc(32, 9).toString("base64"));

function graphUsing(connectionId: string): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes: [
      {
        id: "t",
        type: "trigger",
        connector: "core",
        operation: "webhook",
        props: {},
        label: "Webhook",
        position: { x: 0, y: 0 },
      },
      {
        id: "booking",
        type: "action",
        connector: "calcom",
        operation: "get-booking",
        connectionId,
        props: { uid: "{{ trigger.uid }}" },
        label: "Get booking",
        position: { x: 0, y: 100 },
      },
    ],
    edges: [{ id: "t-booking", source: "t", sourceHandle: null, target: "booking" }],
  };
}

describe("test vs live connections in runs", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let live: string;
  let test: string;
  let flowId: string;
  let firstVersionId: string;
  const services = () => createRunServices({ db: database.db, secretBox });

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
    const connection = (name: string, environment: "test" | "live") =>
      createConnection({
        db: database.db,
        secretBox,
        workspaceId,
        actorUserId: null,
        provider: "calcom",
        name,
        environment,
        credentials: { token: `cal_${environment}_policy_1234` },
      });
    live = (await connection("Cal.com live", "live")).id;
    test = (await connection("Cal.com sandbox", "test")).id;
    flowId = (
      await createFlow({ db: database.db, workspaceId, name: "Bookings", graph: graphUsing(live), actorUserId: null })
    ).id;
    firstVersionId = (await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null })).id;
  });
  afterAll(() => database.destroy());

  async function insertRun(
    options: { versionId?: string; isTest?: boolean; replayOf?: string; createdAt?: Date } = {},
  ) {
    const { rows } = await database.pool.query<{ id: string }>(
      `with e as (insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
                  values ($1, $2, gen_random_uuid()::text, 'accepted', '{"uid":"bk_1"}') returning id)
       insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, is_test, replay_of_run_id, created_at)
       select $1, $2, $3, e.id, $4, $5, coalesce($6, now()) from e returning id`,
      [
        workspaceId,
        flowId,
        options.versionId ?? firstVersionId,
        options.isTest ?? false,
        options.replayOf ?? null,
        options.createdAt ?? null,
      ],
    );
    return rows[0]?.id ?? "";
  }
  const refusal = async (connectionId: string, runId: string) => {
    const error = await services()
      .connection(workspaceId, connectionId, runId)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).retriable).toBe(false);
    return (error as ConnectorError).message;
  };
  const opens = async (connectionId: string, runId?: string) =>
    (await services().connection(workspaceId, connectionId, runId)).authHeaders();

  it("gives a test run test connections only", async () => {
    const run = await insertRun({ isTest: true });
    expect(await refusal(live, run)).toBe('Test runs use test connections; "Cal.com live" is live');
    expect(await opens(test, run)).toEqual({ authorization: "Bearer cal_test_policy_1234" });
  });

  it("gives a run of the active flow's published version its live connection", async () => {
    expect(await opens(live, await insertRun())).toEqual({ authorization: "Bearer cal_live_policy_1234" });
  });

  it("refuses live connections to runs of a paused flow, and allows them again once resumed", async () => {
    const run = await insertRun();
    await setFlowStatus({ db: database.db, flowId, status: "paused", actorUserId: null });
    expect(await refusal(live, run)).toMatch(/^The flow is paused, so its runs may not use the live connection/);
    expect(await opens(test, run)).toBeDefined();
    await setFlowStatus({ db: database.db, flowId, status: "active", actorUserId: null });
    expect(await opens(live, run)).toBeDefined();
  });

  it("after a republish: runs under way and replays keep the old version; a new run on it does not", async () => {
    const underWay = await insertRun({ createdAt: new Date(Date.now() - 60_000) });
    await publishFlow({ db: database.db, flowId, message: "v2", actorUserId: null });
    expect(await opens(live, underWay)).toBeDefined();
    expect(await opens(live, await insertRun({ replayOf: underWay }))).toBeDefined();
    expect(await refusal(live, await insertRun())).toMatch(
      /^This run is on version 1, which was not the flow's published version when it started/,
    );
  });

  it("leaves callers outside a run (trigger sweeps) as they were", async () => {
    expect(await opens(live)).toBeDefined();
  });

  it("fails the run for good, without retries, when the engine asks for a live connection in a test run", async () => {
    const runId = await insertRun({ isTest: true, versionId: await currentVersionId() });
    const outcome = await executeRun({ db: database.db, runId, services: services() });
    expect(outcome).toEqual({
      kind: "needs_attention",
      nodeId: "booking",
      message: expect.stringContaining('Test runs use test connections; "Cal.com live" is live'),
    });
    const { rows } = await database.pool.query(
      "select status, attempt, error from step_runs where run_id = $1 and node_id = 'booking'",
      [runId],
    );
    expect(rows[0]).toMatchObject({ status: "failed", attempt: 1, error: { kind: "final", retryAt: null } });
  });

  async function currentVersionId() {
    const { rows } = await database.pool.query("select current_version_id from flows where id = $1", [flowId]);
    return rows[0].current_version_id as string;
  }
});
