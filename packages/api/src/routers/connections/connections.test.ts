import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { CURRENT_SCHEMA_VERSION } from "@handoff/flow-core";
import {
  createFlow,
  createUser,
  createWorkspace,
  publishFlow,
  resolveSessionMember,
  type SessionMember,
} from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("connections router over a real database", () => {
  let database: TestDatabase;
  let editor: SessionMember;
  let workspaceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    const user = await createUser({
      db: database.db,
      workspaceId,
      email: "om@roe.test",
      password: "editor-password",
      role: "editor",
    });
    const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
    if (!member) throw new Error("Expected a session member");
    editor = member;
  });
  afterAll(() => database.destroy());

  const asEditor = () => createCaller(testApiContext(database.db, editor)).connections;
  const codeOf = async (call: Promise<unknown>) => {
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    return { code: (error as TRPCError).code, message: (error as TRPCError).message };
  };

  it("creates, lists with the hint only, replaces, renames and deletes", async () => {
    const created = await asEditor().create({
      provider: "stripe",
      name: "Stripe live",
      environment: "live",
      credentials: { token: "sk_live_router_secret_4242" },
      baseUrl: "",
    });
    expect(created.hint).toBe("••••4242");

    const listed = await asEditor().list();
    expect(listed).toEqual([
      {
        id: created.id,
        provider: "stripe",
        name: "Stripe live",
        environment: "live",
        hint: "••••4242",
        status: "ok",
        baseUrl: null,
        createdAt: expect.any(Date),
        updatedAt: expect.any(Date),
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain("router_secret");

    const replaced = await asEditor().replaceCredentials({
      id: created.id,
      credentials: { token: "sk_live_rotated_9999" },
    });
    expect(replaced).toEqual({ id: created.id, hint: "••••9999" });
    expect(await asEditor().rename({ id: created.id, name: "Stripe" })).toEqual({ id: created.id, name: "Stripe" });
    expect((await asEditor().list())[0]).toMatchObject({ name: "Stripe", hint: "••••9999" });
    expect(await asEditor().delete({ id: created.id })).toEqual({ id: created.id });
    expect(await asEditor().list()).toEqual([]);

    const { rows } = await database.pool.query(
      "select action, actor_user_id from audit_log where target_id = $1 order by id",
      [created.id],
    );
    expect(rows).toEqual(
      ["connection.created", "connection.rotated", "connection.renamed", "connection.deleted"].map((action) => ({
        action,
        actor_user_id: editor.userId,
      })),
    );
  });

  it("answers bad input with BAD_REQUEST and a message naming the field, never the value", async () => {
    const bad = await codeOf(
      asEditor().create({
        provider: "email",
        name: "Mail",
        environment: "test",
        credentials: { password: "hunter2-secret" },
      }),
    );
    expect(bad).toEqual({ code: "BAD_REQUEST", message: "Username is required" });
    expect(
      await codeOf(
        asEditor().create({
          provider: "stripe",
          name: "",
          environment: "test",
          credentials: { token: "sk_test_x_1234" },
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "Give the connection a name" });
    expect(
      await codeOf(
        asEditor().create({
          provider: "stripe",
          name: "S",
          environment: "test",
          credentials: { token: "sk_test_x_1234" },
          baseUrl: "localhost stripe",
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", message: "The API address must be a full URL" });
    const cause = await asEditor()
      .create({ provider: "stripe", name: "Stripe", environment: "test", credentials: { token: " " } })
      .catch((caught: TRPCError) => caught.cause);
    expect(cause).toMatchObject({ field: "credentials.token", message: "Token is required" });
  });

  it("answers NOT_FOUND for another workspace's connection, CONFLICT for one an active flow uses", async () => {
    expect((await codeOf(asEditor().rename({ id: "00000000-0000-4000-8000-000000000000", name: "x" }))).code).toBe(
      "NOT_FOUND",
    );
    const { id } = await asEditor().create({
      provider: "calcom",
      name: "Cal.com live",
      environment: "live",
      credentials: { token: "cal_live_router_1111" },
    });
    const flow = await createFlow({
      db: database.db,
      workspaceId,
      name: "Booking → CRM",
      actorUserId: null,
      graph: {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        nodes: [
          {
            id: "t",
            type: "trigger",
            connector: "core",
            operation: "webhook",
            props: {},
            label: "Hook",
            position: { x: 0, y: 0 },
          },
          {
            id: "b",
            type: "action",
            connector: "calcom",
            operation: "get-booking",
            connectionId: id,
            props: { uid: "{{ trigger.uid }}" },
            label: "Get booking",
            position: { x: 0, y: 100 },
          },
        ],
        edges: [{ id: "t-b", source: "t", sourceHandle: null, target: "b" }],
      },
    });
    await publishFlow({ db: database.db, flowId: flow.id, message: "v1", actorUserId: null });
    expect(await codeOf(asEditor().delete({ id }))).toEqual({
      code: "CONFLICT",
      message:
        '"Cal.com live" is used by the active flow "Booking → CRM"; pause the flow or choose another connection first',
    });
  });

  it("lists the tools with their credential forms", async () => {
    const providers = await asEditor().providers();
    expect(providers.find((provider) => provider.key === "calcom")).toMatchObject({
      name: "Cal.com",
      category: "calendar",
      methods: [{ kind: "bearer", fields: [{ key: "token", label: "Token", secret: true, required: true }] }],
    });
  });
});
