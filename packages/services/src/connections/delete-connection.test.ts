import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { publishFlow } from "../flows/publish-flow";
import { setFlowStatus } from "../flows/set-flow-status";
import { createWorkspace } from "../workspaces/create-workspace";
import { createConnection } from "./create-connection";
import { deleteConnection } from "./delete-connection";
import { ConnectionInUseError } from "./errors";

const secretBox = createSecretBox(Buffer.alloc(32, 8).toString("base64"));

/** Webhook trigger → Cal.com "get booking" acting as the given connection. */
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

describe("deleteConnection", () => {
  let database: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
  });
  afterAll(() => database.destroy());

  const connection = async (name: string) =>
    (
      await createConnection({
        db: database.db,
        secretBox,
        workspaceId,
        actorUserId: null,
        provider: "calcom",
        name,
        environment: "live",
        credentials: { token: `cal_live_${name.replace(/\W/g, "")}_9999` },
      })
    ).id;
  const flowUsing = async (name: string, connectionId: string) => {
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name,
      graph: graphUsing(connectionId),
      actorUserId: null,
    });
    await publishFlow({ db: database.db, flowId: flow.id, message: "first", actorUserId: null });
    return flow.id;
  };
  const remove = (connectionId: string) =>
    deleteConnection({ db: database.db, workspaceId, connectionId, actorUserId: null });
  const exists = async (id: string) =>
    (await database.pool.query("select 1 from connections where id = $1", [id])).rowCount === 1;

  it("refuses while active flows' published versions use it, naming them", async () => {
    const id = await connection("Cal.com live");
    await flowUsing("Booking → CRM", id);
    await flowUsing("Booking → invoice", id);
    const error = await remove(id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionInUseError);
    expect((error as Error).message).toBe(
      '"Cal.com live" is used by the active flows "Booking → CRM", "Booking → invoice"; pause the flows or choose another connection first',
    );
    expect(await exists(id)).toBe(true);
  });

  it("deletes once the flows using it are paused, auditing what it was", async () => {
    const id = await connection("Cal.com paused");
    const flowId = await flowUsing("Paused flow", id);
    await expect(remove(id)).rejects.toThrow(/"Paused flow"/);
    await setFlowStatus({ db: database.db, flowId, status: "paused", actorUserId: null });
    expect(await remove(id)).toEqual({ id });
    expect(await exists(id)).toBe(false);
    const audit = await database.pool.query(
      "select before, after from audit_log where action = 'connection.deleted' and target_id = $1",
      [id],
    );
    expect(audit.rows).toEqual([
      { before: { provider: "calcom", name: "Cal.com paused", environment: "live" }, after: null },
    ]);
  });

  it("deletes a connection only a draft or an older version refers to", async () => {
    const old = await connection("Cal.com old");
    const current = await connection("Cal.com current");
    const flowId = await flowUsing("Moved on", old);
    await database.pool.query("update flows set draft_graph = $1 where id = $2", [
      JSON.stringify(graphUsing(current)),
      flowId,
    ]);
    await publishFlow({ db: database.db, flowId, message: "switch connection", actorUserId: null });
    expect(await remove(old)).toEqual({ id: old });
    const draftOnly = await connection("Cal.com draft");
    await createFlow({ db: database.db, workspaceId, name: "Draft", graph: graphUsing(draftOnly), actorUserId: null });
    expect(await remove(draftOnly)).toEqual({ id: draftOnly });
  });
});
