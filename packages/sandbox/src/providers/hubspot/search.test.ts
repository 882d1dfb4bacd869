import { afterEach, describe, expect, it } from "vitest";
import { type HubspotHarness, json, startHubspot } from "./test-support";

interface SearchPage {
  total: number;
  results: { id: string; properties: Record<string, string | null> }[];
  paging?: { next: { after: string } };
}

describe("hubspot search and batch", () => {
  const harnesses: HubspotHarness[] = [];
  const start = async (options?: Parameters<typeof startHubspot>[0]) => {
    const hub = await startHubspot(options);
    harnesses.push(hub);
    return hub;
  };
  afterEach(async () => {
    for (const hub of harnesses.splice(0)) await hub.close();
  });

  async function seed(hub: HubspotHarness) {
    const people = [
      { email: "ann@acme.com", firstname: "Ann", lastname: "Lee", lifecyclestage: "lead" },
      { email: "bob@acme.com", firstname: "Bob", lastname: "Stone", phone: "+15550001" },
      { email: "cy@other.org", firstname: "Cy", lastname: "Lee", lifecyclestage: "customer" },
    ];
    for (const properties of people) await hub.api("/crm/v3/objects/contacts", { body: { properties } });
  }

  const searchContacts = (hub: HubspotHarness, body: unknown) => hub.api("/crm/v3/objects/contacts/search", { body });
  const emails = (page: SearchPage) => page.results.map((result) => result.properties.email);

  it("ANDs filters inside a group, ORs groups, and supports the common operators", async () => {
    const hub = await start();
    await seed(hub);
    const run = async (filterGroups: unknown) =>
      emails(await json<SearchPage>(await searchContacts(hub, { filterGroups, properties: ["email"] })));
    expect(await run([{ filters: [{ propertyName: "email", operator: "EQ", value: "ANN@acme.com" }] }])).toEqual([
      "ann@acme.com",
    ]);
    expect(
      await run([
        {
          filters: [
            { propertyName: "lastname", operator: "EQ", value: "Lee" },
            { propertyName: "lifecyclestage", operator: "NEQ", value: "customer" },
          ],
        },
        { filters: [{ propertyName: "phone", operator: "HAS_PROPERTY" }] },
      ]),
    ).toEqual(["ann@acme.com", "bob@acme.com"]);
    expect(await run([{ filters: [{ propertyName: "firstname", operator: "IN", values: ["cy", "bob"] }] }])).toEqual([
      "bob@acme.com",
      "cy@other.org",
    ]);
    expect(
      await run([{ filters: [{ propertyName: "email", operator: "CONTAINS_TOKEN", value: "*@acme.com" }] }]),
    ).toEqual(["ann@acme.com", "bob@acme.com"]);
    expect(await run([{ filters: [{ propertyName: "phone", operator: "NOT_HAS_PROPERTY" }] }])).toHaveLength(2);
  });

  it("sorts, pages with after, and returns total", async () => {
    const hub = await start();
    await seed(hub);
    const first = await json<SearchPage>(
      await searchContacts(hub, { sorts: [{ propertyName: "firstname", direction: "DESCENDING" }], limit: 2 }),
    );
    expect(first.total).toBe(3);
    expect(first.results.map((result) => result.properties.firstname)).toEqual(["Cy", "Bob"]);
    expect(first.paging?.next.after).toBe("2");
    const second = await json<SearchPage>(
      await searchContacts(hub, {
        sorts: [{ propertyName: "firstname", direction: "DESCENDING" }],
        limit: 2,
        after: "2",
      }),
    );
    expect(second.results.map((result) => result.properties.firstname)).toEqual(["Ann"]);
    expect(second.paging).toBeUndefined();
  });

  it("answers 400 VALIDATION_ERROR over the limit, filter limits and the 10k cap", async () => {
    const hub = await start();
    const tooMany = Array.from({ length: 6 }, () => ({
      filters: [{ propertyName: "email", operator: "HAS_PROPERTY" }],
    }));
    for (const body of [
      { limit: 201 },
      { filterGroups: tooMany },
      { after: "10000" },
      { filterGroups: [{ filters: [{ propertyName: "email", operator: "SOUNDS_LIKE", value: "x" }] }] },
    ]) {
      const response = await searchContacts(hub, body);
      expect(response.status).toBe(400);
      expect((await json(response)).category).toBe("VALIDATION_ERROR");
    }
  });

  it("hides new and changed records until the indexing lag has passed on the clock", async () => {
    const hub = await start({ searchIndexingLagMs: 5_000 });
    const created = await json<{ id: string }>(
      await hub.api("/crm/v3/objects/contacts", {
        body: { properties: { email: "lag@example.com", firstname: "Old" } },
      }),
    );
    const byName = (name: string) =>
      searchContacts(hub, {
        filterGroups: [{ filters: [{ propertyName: "firstname", operator: "EQ", value: name }] }],
      });
    expect((await json<SearchPage>(await byName("Old"))).total).toBe(0);
    expect((await hub.api("/crm/v3/objects/contacts/lag@example.com?idProperty=email")).status).toBe(200);
    hub.sandbox.context.clock.advance(5_000);
    expect((await json<SearchPage>(await byName("Old"))).total).toBe(1);
    await hub.api(`/crm/v3/objects/contacts/${created.id}`, {
      method: "PATCH",
      body: { properties: { firstname: "New" } },
    });
    expect((await json<SearchPage>(await byName("New"))).total).toBe(0);
    expect((await json<SearchPage>(await byName("Old"))).total).toBe(1);
    hub.sandbox.context.clock.advance(5_000);
    expect((await json<SearchPage>(await byName("New"))).total).toBe(1);
    expect((await json<SearchPage>(await byName("Old"))).total).toBe(0);
  });

  it("limits searches per second apart from the burst limit", async () => {
    const hub = await start({ rateLimit: { searchPerSecond: 2 } });
    expect((await searchContacts(hub, {})).status).toBe(200);
    expect((await searchContacts(hub, {})).status).toBe(200);
    const limited = await searchContacts(hub, {});
    expect(limited.status).toBe(429);
    expect(await json(limited)).toMatchObject({ errorType: "RATE_LIMIT", policyName: "SECONDLY" });
    expect((await hub.api("/crm/v3/objects/contacts")).status).toBe(200);
    hub.sandbox.context.clock.advance(1_001);
    expect((await searchContacts(hub, {})).status).toBe(200);
  });

  it("upserts contacts by email with the new flag, and reports per-input failures as 207", async () => {
    const hub = await start();
    await seed(hub);
    const upsert = (inputs: unknown[]) => hub.api("/crm/v3/objects/contacts/batch/upsert", { body: { inputs } });
    const response = await upsert([
      { idProperty: "email", id: "ANN@acme.com", properties: { firstname: "Annie" } },
      { idProperty: "email", id: "new@acme.com", properties: { firstname: "Nia" } },
    ]);
    expect(response.status).toBe(200);
    const body = await json<{ status: string; results: { new: boolean; properties: Record<string, string> }[] }>(
      response,
    );
    expect(body.status).toBe("COMPLETE");
    expect(body.results.map((result) => [result.properties.email, result.properties.firstname, result.new])).toEqual([
      ["ann@acme.com", "Annie", false],
      ["new@acme.com", "Nia", true],
    ]);
    const partial = await upsert([
      { idProperty: "email", id: "fine@acme.com", properties: {} },
      { idProperty: "email", id: "broken", properties: {} },
    ]);
    expect(partial.status).toBe(207);
    expect(await json(partial)).toMatchObject({
      numErrors: 1,
      errors: [{ status: "error", category: "VALIDATION_ERROR" }],
    });
    const tooMany = Array.from({ length: 101 }, (_, n) => ({
      idProperty: "email",
      id: `u${n}@acme.com`,
      properties: {},
    }));
    expect((await upsert(tooMany)).status).toBe(400);
  });

  it("batch-reads, reporting missing ids in a 207", async () => {
    const hub = await start();
    await seed(hub);
    const response = await hub.api("/crm/v3/objects/contacts/batch/read", {
      body: { inputs: [{ id: "bob@acme.com" }, { id: "zed@acme.com" }], idProperty: "email", properties: ["phone"] },
    });
    expect(response.status).toBe(207);
    const body = await json<{ results: { properties: Record<string, string> }[]; errors: { context: unknown }[] }>(
      response,
    );
    expect(body.results.map((result) => result.properties.phone)).toEqual(["+15550001"]);
    expect(body.errors[0]?.context).toEqual({ ids: ["zed@acme.com"] });
  });
});
