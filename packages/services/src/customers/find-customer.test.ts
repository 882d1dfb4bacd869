import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../flows/errors";
import { BOB, type CustomerFixtures, JANE, seedCustomerFixtures, WALK_IN } from "./customer-fixtures";
import { AmbiguousCustomerError, CustomerQueryError } from "./errors";
import { findCustomer } from "./find-customer";
import { summarizeCustomer } from "./summarize-customer";

describe("finding one customer against a real database", () => {
  let database: TestDatabase;
  let fixtures: CustomerFixtures;
  beforeAll(async () => {
    database = await createTestDatabase();
    fixtures = await seedCustomerFixtures(database);
  });
  afterAll(() => database.destroy());

  const find = (query: string, workspaceId = fixtures.workspaceId) =>
    findCustomer({ db: database.db, workspaceId, query });

  it.each([
    ["their email, however it is typed", " Jane.ROE@example.test "],
    ["their phone in national format", JANE.nationalPhone],
    ["their phone in E.164", JANE.phone],
  ])("finds the customer with their links by %s", async (_label, query) => {
    const found = await find(query);
    expect(found.customer).toMatchObject({
      id: fixtures.janeId,
      email: JANE.email,
      phone: JANE.phone,
      name: JANE.name,
    });
    expect(found.links.map((link) => [link.provider, link.externalId])).toEqual([
      ["hubspot", JANE.hubspotId],
      ["stripe", JANE.stripeId],
    ]);
    expect(found.businessKeys).toEqual([JANE.email, JANE.phone, JANE.hubspotId, JANE.stripeId]);
  });

  it("finds the customer by id", async () => {
    expect((await find(fixtures.janeId.toUpperCase())).customer?.email).toBe(JANE.email);
  });

  it("returns a person who is in runs only, with the searched key", async () => {
    const found = await find(WALK_IN.email);
    expect(found).toMatchObject({ customer: null, links: [], email: WALK_IN.email, businessKeys: [WALK_IN.email] });
  });

  it("does not find a customer of another workspace by id", async () => {
    await expect(find(fixtures.janeId, fixtures.otherWorkspaceId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([
    ["nothing", "  ", "Enter an email address, a phone number"],
    ["a broken email", "roe@@broken", "not a valid email address"],
    ["a number too short to be a phone", "999", "not a valid phone number"],
    ["a name", "Jane Roe", "Enter an email address, a phone number"],
  ])("refuses %s with a precise message that does not echo it", async (_label, query, message) => {
    const error = await find(query).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CustomerQueryError);
    expect((error as Error).message).toContain(message);
    if (query.trim()) expect((error as Error).message).not.toContain(query.trim());
  });

  it("does not guess between two customers sharing a phone number", async () => {
    await database.pool.query(
      "insert into customers (workspace_id, email, phone) values ($1, 'twin@example.test', $2)",
      [fixtures.workspaceId, BOB.phone],
    );
    await database.pool.query(
      "insert into customers (workspace_id, email, phone) values ($1, 'twin2@example.test', $2)",
      [fixtures.workspaceId, BOB.phone],
    );
    await expect(find(BOB.phone)).rejects.toBeInstanceOf(AmbiguousCustomerError);
    expect((await find("twin@example.test")).customer?.phone).toBe(BOB.phone);
  });

  it("summarises what is held: links, runs by any key, reviews", async () => {
    const summary = await summarizeCustomer({ db: database.db, workspaceId: fixtures.workspaceId, query: JANE.email });
    expect(summary).toMatchObject({
      searchedBy: "email",
      found: true,
      counts: { links: 2, runs: fixtures.janeRunIds.length, identityReviews: 3 },
      confirmWith: { kind: "email", value: JANE.email },
    });
    const nobody = await summarizeCustomer({
      db: database.db,
      workspaceId: fixtures.workspaceId,
      query: "nobody@example.test",
    });
    expect(nobody).toMatchObject({ found: false, customer: null, counts: { links: 0, runs: 0, identityReviews: 0 } });
  });
});
