import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createFlow, createUser, createWorkspace, resolveSessionMember, type SessionMember } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("attention router over a real database", () => {
  let database: TestDatabase;
  let operator: SessionMember;
  let viewer: SessionMember;
  let stranger: SessionMember;
  let reviewId: string;
  let deliveryId: string;

  const as = (who: SessionMember) => createCaller(testApiContext(database.db, who));
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "OK",
      (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    const workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    operator = await member(workspaceId, "sam@roe.test", "operator");
    viewer = await member(workspaceId, "bea@roe.test", "viewer");
    stranger = await member((await createWorkspace({ db: database.db, name: "Other" })).id, "x@o.test", "owner");
    const flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null })).id;
    const insert = async (text: string, values: unknown[]) =>
      (await database.pool.query<{ id: string }>(text, values)).rows[0]?.id ?? "";
    reviewId = await insert(
      `insert into identity_reviews (workspace_id, provider, keys, candidates)
       values ($1, 'stripe', '{"email":"jane@roe.test"}', '[{"externalId":"cus_1","label":"Jane Roe"},{"externalId":"cus_2"}]')
       returning id`,
      [workspaceId],
    );
    deliveryId = await insert(
      `insert into trigger_events (workspace_id, flow_id, status, rejection_reason, headers, payload)
       values ($1, $2, 'rejected', '401: Bad signature', '{"stripe-signature":"t=1,v1=abc"}', '{"rawBody":"{}"}')
       returning id`,
      [workspaceId, flowId],
    );
  });
  afterAll(() => database.destroy());

  async function member(workspaceId: string, email: string, role: "operator" | "viewer" | "owner") {
    const user = await createUser({ db: database.db, workspaceId, email, password: "password-1", role });
    const found = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
    if (!found) throw new Error("no member");
    return found;
  }

  it("lets a bookkeeper read the queue and a delivery, with its signature redacted, but act on nothing", async () => {
    expect((await as(viewer).attention.list()).map((item) => item.kind).sort()).toEqual([
      "identity_review",
      "rejected_delivery",
    ]);
    const delivery = await as(viewer).attention.delivery({ id: deliveryId });
    expect(delivery.headers).toEqual([{ name: "stripe-signature", value: "[redacted]" }]);
    expect(await codeOf(as(viewer).attention.identityReview({ id: reviewId }))).toMatch(/^FORBIDDEN/);
    expect(
      await codeOf(
        as(viewer).attention.dismiss({ kind: "rejected_delivery", id: deliveryId, reason: "Vendor test delivery" }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await codeOf(
        as(viewer).attention.resolveIdentityReview({
          id: reviewId,
          decision: { kind: "same_as", externalId: "cus_1" },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
  });

  it("refuses a dismissal without a reason before it reaches the service", async () => {
    expect(
      await codeOf(as(operator).attention.dismiss({ kind: "rejected_delivery", id: deliveryId, reason: "  " })),
    ).toMatch(/^BAD_REQUEST: .*Give a reason for dismissing it/s);
  });

  it("maps the identity review's refusals to precise codes", async () => {
    expect(await as(operator).attention.identityReview({ id: reviewId })).toMatchObject({
      provider: "stripe",
      keys: { email: "jane@roe.test" },
      candidates: [{ externalId: "cus_1", label: "Jane Roe" }, { externalId: "cus_2" }],
    });
    expect(await codeOf(as(stranger).attention.identityReview({ id: reviewId }))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(as(stranger).attention.delivery({ id: deliveryId }))).toMatch(/^NOT_FOUND/);
    const resolve = (externalId: string) =>
      as(operator).attention.resolveIdentityReview({ id: reviewId, decision: { kind: "same_as", externalId } });
    expect(await codeOf(resolve("cus_9"))).toBe(
      "BAD_REQUEST: stripe record cus_9 is not one of the records in this conflict",
    );
    expect(await resolve("cus_1")).toMatchObject({ reviewId, retriedRunIds: [], notRetried: [] });
    expect(await codeOf(resolve("cus_1"))).toBe("CONFLICT: This identity conflict was already resolved");
    expect((await as(operator).attention.list()).map((item) => item.kind)).toEqual(["rejected_delivery"]);
  });
});
