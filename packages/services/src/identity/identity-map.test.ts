import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { createIdentityMap } from "./identity-map";

describe("identity map", () => {
  let database: TestDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
  });
  afterAll(() => database.destroy());

  const identity = () => createIdentityMap({ db: database.db, workspaceId, defaultCountry: "FR" });

  it("finds the same customer by a differently written e-mail or phone, never by name", async () => {
    const map = identity();
    const { customerId } = await map.link({
      provider: "hubspot",
      externalId: "101",
      email: " Jane.Roe@Example.com",
      phone: "06 12 34 56 78",
      name: "Jane Roe",
    });
    expect(await map.lookup("hubspot", { email: "jane.roe@example.COM" })).toEqual({
      status: "linked",
      customerId,
      externalId: "101",
    });
    expect(await map.lookup("hubspot", { phone: "+33 6 12 34 56 78" })).toEqual({
      status: "linked",
      customerId,
      externalId: "101",
    });
    expect(await map.lookup("stripe", { email: "JANE.ROE@example.com" })).toEqual({ status: "known", customerId });
    expect(await map.lookup("hubspot", { email: "someone.else@example.com" })).toEqual({ status: "unknown" });
  });

  it("links a second tool's record to the same customer, once", async () => {
    const map = identity();
    const first = await map.link({ provider: "stripe", externalId: "cus_1", email: "jane.roe@example.com" });
    const again = await map.link({ provider: "stripe", externalId: "cus_1", phone: "0612345678" });
    expect(again.customerId).toBe(first.customerId);
    const { rows } = await database.pool.query(
      "select provider, external_id from customer_links where customer_id = $1 order by provider",
      [first.customerId],
    );
    expect(rows).toEqual([
      { provider: "hubspot", external_id: "101" },
      { provider: "stripe", external_id: "cus_1" },
    ]);
  });

  it("keeps customers apart when only the name matches", async () => {
    const map = identity();
    const other = await map.link({ provider: "hubspot", externalId: "202", email: "jane@roe.fr", name: "Jane Roe" });
    const jane = await map.lookup("hubspot", { email: "jane.roe@example.com" });
    expect(jane.status).toBe("linked");
    expect(other.customerId).not.toBe(jane.status === "linked" ? jane.customerId : "");
  });

  it("creates one customer when two runs link the same new person at once", async () => {
    const map = identity();
    const [a, b] = await Promise.all([
      map.link({ provider: "hubspot", externalId: "303", email: "twin@example.com" }),
      map.link({ provider: "stripe", externalId: "cus_3", email: "TWIN@example.com" }),
    ]);
    expect(a.customerId).toBe(b.customerId);
  });

  it("records an ambiguous match in the review queue", async () => {
    const { reviewId } = await identity().review({
      provider: "hubspot",
      email: "Shared@Example.com",
      candidates: [
        { externalId: "401", matchedBy: "phone" },
        { externalId: "402", matchedBy: "phone" },
      ],
    });
    const { rows } = await database.pool.query("select status, keys, candidates from identity_reviews where id = $1", [
      reviewId,
    ]);
    expect(rows[0]).toEqual({
      status: "open",
      keys: { email: "shared@example.com" },
      candidates: [
        { externalId: "401", matchedBy: "phone" },
        { externalId: "402", matchedBy: "phone" },
      ],
    });
  });

  it("answers a person's 'create new' for the very same keys in that provider, until a record is linked", async () => {
    const map = identity();
    const keys = { phone: "06 55 55 55 55" };
    const candidates = [
      { externalId: "501", matchedBy: "phone" as const },
      { externalId: "502", matchedBy: "phone" as const },
    ];
    const { reviewId } = await map.review({ provider: "hubspot", ...keys, name: "Joan", candidates });
    // Still open: nobody decided anything yet.
    expect(await map.lookup("hubspot", keys)).toEqual({ status: "unknown" });
    await database.pool.query(
      "update identity_reviews set status = 'resolved', decision = 'create_new', resolved_at = now() where id = $1",
      [reviewId],
    );
    expect(await map.lookup("hubspot", { phone: "+33655555555" })).toEqual({ status: "decided_new", reviewId });
    // Another provider, or other keys (one more), is another question.
    expect(await map.lookup("stripe", keys)).toEqual({ status: "unknown" });
    expect(await map.lookup("hubspot", { ...keys, email: "joan@example.com" })).toEqual({ status: "unknown" });
    // A customer known through another tool does not hide the decision…
    const { customerId } = await map.link({ provider: "stripe", externalId: "cus_joan", ...keys });
    expect(await map.lookup("hubspot", keys)).toEqual({ status: "decided_new", reviewId });
    // …but the record the step created and linked does.
    await map.link({ provider: "hubspot", externalId: "503", ...keys });
    expect(await map.lookup("hubspot", keys)).toEqual({ status: "linked", customerId, externalId: "503" });
  });

  it("follows the latest decision for the same keys", async () => {
    const map = identity();
    const keys = { email: "twins@example.com" };
    const candidates = [{ externalId: "cus_a", matchedBy: "email" as const }];
    const older = await map.review({ provider: "stripe", ...keys, candidates });
    const newer = await map.review({ provider: "stripe", ...keys, candidates });
    await database.pool.query(
      `update identity_reviews set status = 'resolved', decision = 'create_new', resolved_at = now() - interval '1 hour' where id = $1;`,
      [older.reviewId],
    );
    expect(await map.lookup("stripe", keys)).toEqual({ status: "decided_new", reviewId: older.reviewId });
    await database.pool.query(
      "update identity_reviews set status = 'resolved', decision = 'same_as', resolved_at = now() where id = $1",
      [newer.reviewId],
    );
    expect(await map.lookup("stripe", keys)).toEqual({ status: "unknown" });
  });
});
