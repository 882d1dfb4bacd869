import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HubspotHarness, json, startHubspot } from "./test-support";

interface ApiObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

describe("hubspot contacts", () => {
  let hub: HubspotHarness;
  beforeAll(async () => {
    hub = await startHubspot();
  });
  afterAll(() => hub.close());
  beforeEach(async () => {
    await fetch(`${hub.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const createContact = (properties: Record<string, unknown>) =>
    hub.api("/crm/v3/objects/contacts", { body: { properties, associations: [] } });

  it("answers HubSpot's 401 without a token or with an unknown one, with a correlation id", async () => {
    for (const authorization of ["", "Bearer pat-na1-not-a-real-token"]) {
      const response = await hub.api("/crm/v3/objects/contacts", { headers: { authorization } });
      expect(response.status).toBe(401);
      const body = await json(response);
      expect(body).toMatchObject({ status: "error", category: "INVALID_AUTHENTICATION" });
      expect(body.message).toMatch(/^Authentication credentials not found/);
      expect(response.headers.get("x-hubspot-correlation-id")).toBe(body.correlationId);
    }
  });

  it("creates a contact with string properties, defaults and timestamps", async () => {
    const response = await createContact({ email: "Jane@Example.com", firstname: "Jane", phone: 5551234 });
    expect(response.status).toBe(201);
    const contact = await json<ApiObject>(response);
    expect(contact.id).toMatch(/^\d+$/);
    expect(contact.archived).toBe(false);
    expect(contact.properties).toMatchObject({
      email: "jane@example.com",
      firstname: "Jane",
      phone: "5551234",
      hs_object_id: contact.id,
    });
    expect(Date.parse(contact.createdAt)).not.toBeNaN();
    expect(contact.properties.createdate).toBe(contact.createdAt);
    expect(response.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("10000");
  });

  it("refuses a duplicate email (any case) with 409 and the existing id in the message", async () => {
    const first = await json<ApiObject>(await createContact({ email: "dup@example.com" }));
    const response = await createContact({ email: "DUP@example.com", firstname: "Again" });
    expect(response.status).toBe(409);
    const body = await json(response);
    expect(body).toMatchObject({
      status: "error",
      category: "OBJECT_ALREADY_EXISTS",
      error: "CONTACT_EXISTS",
      message: `Contact already exists. Existing ID: ${first.id}`,
    });
    expect(/Existing ID: (\d+)/.exec(String(body.message))?.[1]).toBe(first.id);
  });

  it("reads by id and by email, with default, requested and unknown properties", async () => {
    const created = await json<ApiObject>(await createContact({ email: "read@example.com", lastname: "Reader" }));
    const byId = await json<ApiObject>(await hub.api(`/crm/v3/objects/contacts/${created.id}`));
    expect(Object.keys(byId.properties).sort()).toEqual([
      "createdate",
      "email",
      "firstname",
      "hs_object_id",
      "lastmodifieddate",
      "lastname",
    ]);
    expect(byId.properties.firstname).toBeNull();
    const byEmail = await hub.api("/crm/v3/objects/contacts/READ%40example.com?idProperty=email&properties=phone,nope");
    expect(byEmail.status).toBe(200);
    const selected = await json<ApiObject>(byEmail);
    expect(selected.id).toBe(created.id);
    expect(selected.properties).toEqual({
      phone: null,
      hs_object_id: created.id,
      createdate: created.createdAt,
      lastmodifieddate: created.properties.lastmodifieddate,
    });
  });

  it("answers 404 OBJECT_NOT_FOUND for a missing contact", async () => {
    const response = await hub.api("/crm/v3/objects/contacts/999999");
    expect(response.status).toBe(404);
    expect(await json(response)).toMatchObject({ status: "error", category: "OBJECT_NOT_FOUND" });
    expect(response.headers.get("x-hubspot-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("updates, clears with an empty string, and refuses an email already in use", async () => {
    const a = await json<ApiObject>(await createContact({ email: "a@example.com", firstname: "A", phone: "1" }));
    await createContact({ email: "b@example.com" });
    const patched = await hub.api(`/crm/v3/objects/contacts/${a.id}`, {
      method: "PATCH",
      body: { properties: { firstname: "Ann", phone: "" } },
    });
    expect(patched.status).toBe(200);
    const body = await json<ApiObject>(patched);
    expect(body.properties.firstname).toBe("Ann");
    expect(body.properties.phone).toBeUndefined();
    const collision = await hub.api(`/crm/v3/objects/contacts/${a.id}`, {
      method: "PATCH",
      body: { properties: { email: "B@example.com" } },
    });
    expect(collision.status).toBe(409);
    expect((await json(collision)).message).toMatch(/Existing ID: \d+/);
  });

  it("rejects invalid and unknown properties with HubSpot's VALIDATION_ERROR", async () => {
    const response = await createContact({ email: "not-an-email", favourite_colour: "blue" });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.category).toBe("VALIDATION_ERROR");
    expect(body.message).toMatch(/^Property values were not valid: /);
    expect(String(body.message)).toContain("INVALID_EMAIL");
    expect(String(body.message)).toContain("PROPERTY_DOESNT_EXIST");
    const missing = await hub.api("/crm/v3/objects/contacts", { body: { associations: [] } });
    expect(missing.status).toBe(400);
    expect((await json(missing)).category).toBe("VALIDATION_ERROR");
  });

  it("archives with 204, then the contact is gone unless archived=true is asked", async () => {
    const created = await json<ApiObject>(await createContact({ email: "gone@example.com" }));
    expect((await hub.api(`/crm/v3/objects/contacts/${created.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await hub.api(`/crm/v3/objects/contacts/${created.id}`)).status).toBe(404);
    const archived = await json<ApiObject>(await hub.api(`/crm/v3/objects/contacts/${created.id}?archived=true`));
    expect(archived.archived).toBe(true);
    expect((await createContact({ email: "gone@example.com" })).status).toBe(201);
  });

  it("pages the list with limit and after until paging is absent", async () => {
    for (let n = 0; n < 5; n += 1) await createContact({ email: `p${n}@example.com` });
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await json<{ results: ApiObject[]; paging?: { next: { after: string; link: string } } }>(
        await hub.api(`/crm/v3/objects/contacts?limit=2${after ? `&after=${after}` : ""}`),
      );
      seen.push(...page.results.map((contact) => String(contact.properties.email)));
      after = page.paging?.next.after;
      if (page.paging) expect(page.paging.next.link).toContain(`after=${after}`);
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(["p0@example.com", "p1@example.com", "p2@example.com", "p3@example.com", "p4@example.com"]);
  });

  it("serves the date-versioned path like v3", async () => {
    await createContact({ email: "versioned@example.com" });
    const response = await hub.api("/crm/objects/2026-03/contacts");
    expect(response.status).toBe(200);
    expect((await json<{ results: unknown[] }>(response)).results).toHaveLength(1);
  });
});
