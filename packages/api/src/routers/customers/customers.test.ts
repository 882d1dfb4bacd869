import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createFlow, createUser, createWorkspace, resolveSessionMember, type SessionMember } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

const JANE = "jane.roe@example.test";

describe("customers router over a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let customerId: string;
  let janeRunId: string;
  let otherRunId: string;
  const members = new Map<string, SessionMember>();

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental", defaultCountry: "FR" })).id;
    for (const role of ["owner", "editor", "operator", "viewer"] as const) {
      const user = await createUser({
        db: database.db,
        workspaceId,
        email: `${role}@roe.test`,
        password: "password-1",
        role,
      });
      const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
      if (!member) throw new Error("Expected a session member");
      members.set(role, member);
    }
    const flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null })).id;
    const insertRun = async (summary: string, keys: string[], payload: unknown) => {
      const { rows } = await database.pool.query<{ id: string }>(
        `with event as (
           insert into trigger_events (workspace_id, flow_id, status, payload) values ($1, $2, 'accepted', $5) returning id
         )
         insert into flow_runs (workspace_id, flow_id, trigger_event_id, status, trigger_summary, business_keys)
         select $1, $2, event.id, 'succeeded', $3, $4 from event returning id`,
        [workspaceId, flowId, summary, keys, JSON.stringify(payload)],
      );
      return rows[0]?.id ?? "";
    };
    janeRunId = await insertRun("Booking: Jane Roe", [JANE, "+33612345678"], { email: JANE, name: "Jane Roe" });
    otherRunId = await insertRun("Booking: Bob", ["bob@example.test"], { email: "bob@example.test" });
    const { rows } = await database.pool.query<{ id: string }>(
      "insert into customers (workspace_id, email, phone, name) values ($1, $2, '+33612345678', 'Jane Roe') returning id",
      [workspaceId, JANE],
    );
    customerId = rows[0]?.id ?? "";
    await database.pool.query(
      "insert into customer_links (workspace_id, customer_id, provider, external_id) values ($1, $2, 'hubspot', '501')",
      [workspaceId, customerId],
    );
  });
  afterAll(() => database.destroy());

  const as = (role: string) => createCaller(testApiContext(database.db, members.get(role) ?? null)).customers;
  const failure = async (call: Promise<unknown>) => {
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    return { code: (error as TRPCError).code, message: (error as TRPCError).message };
  };

  it("is for the owner only", async () => {
    for (const role of ["editor", "operator", "viewer"]) {
      expect(await failure(as(role).find({ query: JANE }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(as(role).export({ query: JANE }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(as(role).erase({ query: JANE, reason: "request", confirmation: JANE }))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await failure(as("nobody").find({ query: JANE }))).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("finds a summary by phone in national format", async () => {
    expect(await as("owner").find({ query: "06 12 34 56 78" })).toEqual({
      searchedBy: "phone",
      customer: expect.objectContaining({ id: customerId, email: JANE, name: "Jane Roe" }),
      email: JANE,
      phone: "+33612345678",
      counts: { links: 1, runs: 1, identityReviews: 0 },
      found: true,
      confirmWith: { kind: "email", value: JANE },
    });
  });

  it("answers bad searches with precise codes and messages", async () => {
    expect(await failure(as("owner").find({ query: "  " }))).toEqual({
      code: "BAD_REQUEST",
      message: "Enter an email address, a phone number (e.g. +33 6 12 34 56 78) or a customer id",
    });
    expect(await failure(as("owner").find({ query: "Jane Roe" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(as("owner").find({ query: crypto.randomUUID() }))).toEqual({
      code: "NOT_FOUND",
      message: "No customer with this id in this workspace",
    });
    expect(await failure(as("owner").export({ query: "nobody@example.test" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports the JSON and audits it as the owner", async () => {
    const exported = await as("owner").export({ query: JANE });
    expect(exported.customer?.id).toBe(customerId);
    expect(exported.links).toEqual([expect.objectContaining({ provider: "hubspot", externalId: "501" })]);
    expect(exported.runs).toEqual([
      expect.objectContaining({ id: janeRunId, triggerPayload: { email: JANE, name: "Jane Roe" }, steps: [] }),
    ]);
    const { rows } = await database.pool.query<{ actor_user_id: string }>(
      "select actor_user_id from audit_log where action = 'customer.exported'",
    );
    expect(rows).toEqual([{ actor_user_id: members.get("owner")?.userId }]);
  });

  it("erases only when the email typed again matches, and reports the counts", async () => {
    expect(
      await failure(as("owner").erase({ query: JANE, reason: "Asked by email", confirmation: "bob@example.test" })),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "The confirmation does not match the customer's email; type it exactly",
    });
    expect(await failure(as("owner").erase({ query: JANE, reason: " ", confirmation: JANE }))).toEqual({
      code: "BAD_REQUEST",
      message: "Give a reason for the erasure, e.g. the customer's request and its date",
    });

    const erased = await as("owner").erase({
      query: JANE,
      reason: "Asked by email",
      confirmation: "JANE.roe@example.test",
    });
    expect(erased).toEqual({
      customerId,
      counts: { runs: 1, steps: 0, triggerEvents: 1, identityReviews: 0, links: 1, customers: 1 },
    });
    const { rows } = await database.pool.query<{ id: string; trigger_summary: string }>(
      "select id, trigger_summary from flow_runs order by created_at, id",
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: janeRunId, trigger_summary: "[erased]" },
        { id: otherRunId, trigger_summary: "Booking: Bob" },
      ]),
    );
    expect((await as("owner").find({ query: JANE })).found).toBe(false);
  });
});
