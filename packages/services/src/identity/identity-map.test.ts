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
});
