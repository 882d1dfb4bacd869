import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import type { FlowOperation } from "@handoff/flow-core";
import { createUser, createWorkspace, resolveSessionMember, type SessionMember } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

const addRequest: FlowOperation[] = [
  {
    type: "add_node",
    node: {
      id: "notify",
      type: "action",
      connector: "core",
      operation: "http-request",
      props: { method: "POST" },
      label: "Notify",
      position: { x: 0, y: 150 },
    },
  },
  { type: "connect", edge: { id: "e1", source: "trigger", sourceHandle: null, target: "notify" } },
];

describe("flows router over a real database", () => {
  let database: TestDatabase;
  let editor: SessionMember;
  let stranger: SessionMember;

  beforeAll(async () => {
    database = await createTestDatabase();
    editor = await memberOf("Roe Dental", "ed@roe.test", "editor");
    stranger = await memberOf("Other Co", "owner@other.test", "owner");
  });
  afterAll(() => database.destroy());

  async function memberOf(workspace: string, email: string, role: "editor" | "owner") {
    const workspaceId = (await createWorkspace({ db: database.db, name: workspace })).id;
    const user = await createUser({ db: database.db, workspaceId, email, password: "password-1", role });
    const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
    if (!member) throw new Error("no member");
    return member;
  }
  const as = (member: SessionMember) => createCaller(testApiContext(database.db, member));

  it("creates, edits by operations, refuses stale saves and invalid publishes, then publishes", async () => {
    const api = as(editor);
    const { id: flowId } = await api.flows.create({ name: "Booking → invoice" });
    const loaded = await api.flows.get({ flowId });
    expect(loaded).toMatchObject({
      name: "Booking → invoice",
      status: "draft",
      draftRevision: 1,
      currentVersion: null,
    });
    expect(loaded.hookUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/hooks\/[\w-]+$/);
    expect(loaded.hasHookSecret).toBe(false);
    const { secret } = await api.flows.setHookSecret({ flowId, action: "generate" });
    expect(secret).toMatch(/^whsec_/);
    expect((await api.flows.get({ flowId })).hasHookSecret).toBe(true);
    expect(JSON.stringify(await api.flows.get({ flowId }))).not.toContain(secret ?? "none");

    const edited = await api.flows.editDraft({ flowId, baseRevision: 1, operations: addRequest });
    expect(edited.revision).toBe(2);
    expect(edited.draft.nodes.map((node) => node.id)).toEqual(["trigger", "notify"]);

    // A second editor still on revision 1 loses, with the current revision to reload from.
    const stale = await api.flows
      .editDraft({ flowId, baseRevision: 1, operations: [{ type: "rename", nodeId: "notify", label: "x" }] })
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(TRPCError);
    expect(stale).toMatchObject({ code: "CONFLICT" });

    // An edit applyOperation refuses is refused on the server the same way.
    const refused = await api.flows
      .editDraft({
        flowId,
        baseRevision: 2,
        operations: [{ type: "connect", edge: { id: "e2", source: "notify", sourceHandle: null, target: "trigger" } }],
      })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });

    // The URL is missing: publish lists the problem with its node.
    const invalid = await api.flows.publish({ flowId, draftRevision: 2, message: "first" }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: "BAD_REQUEST" });
    expect((await api.flows.get({ flowId })).problems.some((problem) => problem.nodeId === "notify")).toBe(true);

    const fixed = await api.flows.editDraft({
      flowId,
      baseRevision: 2,
      operations: [
        { type: "update_props", nodeId: "notify", mode: "merge", props: { url: "https://example.test/hook" } },
      ],
    });
    expect((await api.flows.get({ flowId })).problems).toEqual([]);
    // Publishing from an older revision than the stored draft is refused: what is published is what was seen.
    await expect(api.flows.publish({ flowId, draftRevision: 2, message: "old view" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const v1 = await api.flows.publish({ flowId, draftRevision: fixed.revision, message: "first" });
    expect(v1.version).toBe(1);
    expect(await api.flows.get({ flowId })).toMatchObject({ status: "active", currentVersion: { number: 1 } });

    const v2Draft = await api.flows.editDraft({
      flowId,
      baseRevision: fixed.revision,
      operations: [{ type: "rename", nodeId: "notify", label: "Tell the office" }],
    });
    await api.flows.publish({ flowId, draftRevision: v2Draft.revision, message: "clearer name" });
    const versions = await api.flows.versions({ flowId });
    expect(versions.map((v) => [v.number, v.message, v.author, v.current])).toEqual([
      [1, "first", "ed@roe.test", false],
      [2, "clearer name", "ed@roe.test", true],
    ]);
    expect((await api.flows.version({ flowId, number: 1 })).graph.nodes[1]?.label).toBe("Notify");

    expect((await api.flows.rollback({ flowId, toVersion: 1 })).version).toBe(3);
    expect((await api.flows.version({ flowId, number: 3 })).graph.nodes[1]?.label).toBe("Notify");

    await api.flows.setStatus({ flowId, status: "paused" });
    const listed = await api.flows.list();
    expect(listed).toEqual([
      expect.objectContaining({ id: flowId, status: "paused", version: 3, owner: { email: "ed@roe.test", name: "" } }),
    ]);
  });

  it("duplicates, renames and deletes, with an audit row each", async () => {
    const api = as(editor);
    const { id: flowId } = await api.flows.create({ name: "Invoice paid" });
    const copy = await api.flows.duplicate({ flowId });
    expect(copy.name).toBe("Invoice paid (copy)");
    await api.flows.rename({ flowId: copy.id, name: "Invoice paid, second shop" });
    await api.flows.delete({ flowId });
    const names = (await api.flows.list()).map((flow) => flow.name);
    expect(names).toContain("Invoice paid, second shop");
    expect(names).not.toContain("Invoice paid");
    await expect(api.flows.get({ flowId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { rows } = await database.pool.query<{ action: string }>(
      "select action from audit_log where target_id = any($1) order by id",
      [[flowId, copy.id]],
    );
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(["flow.created", "flow.renamed", "flow.deleted"]),
    );
  });

  it("keeps every workspace's flows to itself", async () => {
    const { id: flowId } = await as(editor).flows.create({ name: "Private" });
    const other = as(stranger);
    await expect(other.flows.get({ flowId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.flows.rename({ flowId, name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.flows.delete({ flowId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.flows.setStatus({ flowId, status: "paused" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.flows.versions({ flowId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await other.flows.list()).map((flow) => flow.id)).not.toContain(flowId);
  });

  it("describes every connector operation for the palette", async () => {
    const catalog = await as(editor).flows.catalog();
    const hubspot = catalog.find((connector) => connector.key === "hubspot");
    expect(hubspot).toMatchObject({ category: "crm", needsConnection: true });
    expect(hubspot?.actions.length).toBeGreaterThan(3);
    const calcom = catalog.find((connector) => connector.key === "calcom");
    expect(calcom?.triggers[0]).toMatchObject({ kind: "webhook" });
    expect(calcom?.triggers[0]?.sampleOutput).toBeDefined();
  });
});
