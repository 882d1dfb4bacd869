import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import type { FlowDocument } from "@handoff/flow-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { createFlow } from "./create-flow";
import { PublishRefusedError, StaleDraftError } from "./errors";
import { publishFlow } from "./publish-flow";
import { rollbackFlow } from "./rollback-flow";
import { saveDraft } from "./save-draft";

const trigger = {
  id: "hook",
  type: "trigger",
  connector: "core",
  operation: "webhook",
  label: "Webhook",
  position: { x: 0, y: 0 },
  props: {},
} as const;
const call = (url: string) =>
  ({
    id: "call",
    type: "action",
    connector: "core",
    operation: "http-request",
    label: "Call",
    position: { x: 200, y: 0 },
    props: { method: "POST", url },
  }) as const;
const graphWith = (url: string): FlowDocument => ({
  schemaVersion: 2,
  nodes: [trigger, call(url)],
  edges: [{ id: "e", source: "hook", sourceHandle: null, target: "call" }],
});

describe("flow versions", () => {
  let database: TestDatabase;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Clinic" })).id;
  });
  afterAll(() => database.destroy());

  it("refuses to publish an invalid draft, listing each problem with its node", async () => {
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Broken",
      actorUserId: null,
      graph: graphWith("not a url"),
    });
    const refused = await publishFlow({ db: database.db, flowId: flow.id, message: "v1", actorUserId: null }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(PublishRefusedError);
    expect((refused as PublishRefusedError).problems).toEqual([
      expect.objectContaining({ nodeId: "call", field: "props.url" }),
    ]);
    const versions = await database.pool.query("select 1 from flow_versions where flow_id = $1", [flow.id]);
    expect(versions.rowCount).toBe(0);
  });

  it("numbers versions, activates on first publish, and rolls back by publishing the old graph anew", async () => {
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Good",
      actorUserId: null,
      graph: graphWith("https://a.example/one"),
    });
    const v1 = await publishFlow({ db: database.db, flowId: flow.id, message: "first", actorUserId: null });
    await saveDraft({ db: database.db, flowId: flow.id, graph: graphWith("https://a.example/two"), baseRevision: 1 });
    const v2 = await publishFlow({ db: database.db, flowId: flow.id, message: "second", actorUserId: null });
    const v3 = await rollbackFlow({ db: database.db, flowId: flow.id, toVersionNumber: 1, actorUserId: null });
    expect([v1.number, v2.number, v3.number]).toEqual([1, 2, 3]);
    expect(v3.message).toBe("Rollback to version 1");
    expect(v3.graph).toEqual(v1.graph);
    const { rows } = await database.pool.query<{ status: string; current: string }>(
      "select status, current_version_id as current from flows where id = $1",
      [flow.id],
    );
    expect(rows).toEqual([{ status: "active", current: v3.id }]);
    const audit = await database.pool.query<{ action: string }>(
      "select action from audit_log where target_id = $1 order by id",
      [flow.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      "flow.created",
      "flow.published",
      "flow.saved",
      "flow.published",
      "flow.rolled_back",
    ]);
    const rollback = await database.pool.query<{ after: { rolledBackTo: number; number: number } }>(
      "select after from audit_log where target_id = $1 and action = 'flow.rolled_back'",
      [flow.id],
    );
    expect(rollback.rows[0]?.after).toMatchObject({ rolledBackTo: 1, number: 3 });
  });

  it("never lets a stale draft overwrite a newer one", async () => {
    const flow = await createFlow({ db: database.db, workspaceId, name: "Shared", actorUserId: null });
    expect(
      await saveDraft({
        db: database.db,
        flowId: flow.id,
        graph: graphWith("https://a.example/mine"),
        baseRevision: 1,
      }),
    ).toEqual({ revision: 2 });
    const stale = saveDraft({
      db: database.db,
      flowId: flow.id,
      graph: graphWith("https://a.example/theirs"),
      baseRevision: 1,
    });
    await expect(stale).rejects.toBeInstanceOf(StaleDraftError);
    await expect(stale).rejects.toThrow("revision 2, you had 1");
    const saves = await database.pool.query("select 1 from audit_log where target_id = $1 and action = 'flow.saved'", [
      flow.id,
    ]);
    expect(saves.rowCount).toBe(1);
    const { rows } = await database.pool.query<{ url: string }>(
      "select draft_graph->'nodes'->1->'props'->>'url' as url from flows where id = $1",
      [flow.id],
    );
    expect(rows).toEqual([{ url: "https://a.example/mine" }]);
  });

  it("audits each draft save with who saved it and which nodes changed, never prop values", async () => {
    const editor = await database.pool.query<{ id: string }>(
      "insert into users (email, password_hash) values ('editor@clinic.test', 'x') returning id",
    );
    const actorUserId = editor.rows[0]?.id ?? null;
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Audited",
      actorUserId: null,
      graph: { schemaVersion: 2, nodes: [trigger], edges: [] },
    });
    await saveDraft({
      db: database.db,
      flowId: flow.id,
      graph: graphWith("https://a.example/token-in-url"),
      baseRevision: 1,
      actorUserId,
    });
    const { rows } = await database.pool.query(
      "select actor_user_id, workspace_id, before, after from audit_log where target_id = $1 and action = 'flow.saved'",
      [flow.id],
    );
    expect(rows).toEqual([
      {
        actor_user_id: actorUserId,
        workspace_id: workspaceId,
        before: { revision: 1 },
        after: {
          revision: 2,
          nodesAdded: ["call"],
          nodesRemoved: [],
          nodesChanged: [],
          nodesMoved: [],
          edgesAdded: 1,
          edgesRemoved: 0,
          edgesRewired: 0,
          varsChanged: [],
          settingsChanged: [],
        },
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain("token-in-url");
  });
});
