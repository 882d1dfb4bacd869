import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HubspotHarness, json, startHubspot } from "./test-support";

describe("hubspot v4 associations", () => {
  let hub: HubspotHarness;
  let contactId: string;
  let dealId: string;
  beforeAll(async () => {
    hub = await startHubspot();
  });
  afterAll(() => hub.close());
  beforeEach(async () => {
    await fetch(`${hub.sandbox.url}/_sandbox/reset`, { method: "POST" });
    contactId = (
      await json<{ id: string }>(
        await hub.api("/crm/v3/objects/contacts", { body: { properties: { email: "a@example.com" } } }),
      )
    ).id;
    dealId = (
      await json<{ id: string }>(await hub.api("/crm/v3/objects/deals", { body: { properties: { dealname: "D" } } }))
    ).id;
  });

  const list = async (path: string) =>
    json<{ results: { toObjectId: number; associationTypes: { category: string; typeId: number }[] }[] }>(
      await hub.api(path),
    );

  it("creates a default association and lists it from both sides with types 3 and 4", async () => {
    const response = await hub.api(`/crm/v4/objects/deals/${dealId}/associations/default/contacts/${contactId}`, {
      method: "PUT",
    });
    expect(response.status).toBe(200);
    const body = await json<{ status: string; results: { associationSpec: { associationTypeId: number } }[] }>(
      response,
    );
    expect(body.status).toBe("COMPLETE");
    expect(body.results.map((result) => result.associationSpec.associationTypeId)).toEqual([3, 4]);
    expect((await list(`/crm/v4/objects/deals/${dealId}/associations/contacts`)).results).toEqual([
      { toObjectId: Number(contactId), associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 3, label: null }] },
    ]);
    expect((await list(`/crm/v4/objects/0-1/${contactId}/associations/deals`)).results).toEqual([
      { toObjectId: Number(dealId), associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 4, label: null }] },
    ]);
  });

  it("creates with explicit types (201) and refuses a type id that does not fit the pair", async () => {
    const path = `/crm/v4/objects/contacts/${contactId}/associations/deals/${dealId}`;
    const ok = await hub.api(path, {
      method: "PUT",
      body: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 4 }],
    });
    expect(ok.status).toBe(201);
    expect(await json(ok)).toEqual({
      fromObjectTypeId: "0-1",
      fromObjectId: Number(contactId),
      toObjectTypeId: "0-3",
      toObjectId: Number(dealId),
      labels: [],
    });
    const wrong = await hub.api(path, {
      method: "PUT",
      body: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 3 }],
    });
    expect(wrong.status).toBe(400);
  });

  it("answers 404 when either object is missing", async () => {
    const missingTo = await hub.api(`/crm/v4/objects/deals/${dealId}/associations/default/contacts/999999`, {
      method: "PUT",
    });
    expect(missingTo.status).toBe(404);
    expect((await json(missingTo)).category).toBe("OBJECT_NOT_FOUND");
    const missingFrom = await hub.api(`/crm/v4/objects/deals/999999/associations/default/contacts/${contactId}`, {
      method: "PUT",
    });
    expect(missingFrom.status).toBe(404);
    expect((await hub.api("/crm/v4/objects/deals/999999/associations/contacts")).status).toBe(404);
  });

  it("removes an association with 204", async () => {
    await hub.api(`/crm/v4/objects/deals/${dealId}/associations/default/contacts/${contactId}`, { method: "PUT" });
    const removed = await hub.api(`/crm/v4/objects/contacts/${contactId}/associations/deals/${dealId}`, {
      method: "DELETE",
    });
    expect(removed.status).toBe(204);
    expect((await list(`/crm/v4/objects/deals/${dealId}/associations/contacts`)).results).toEqual([]);
  });

  it("associates in batch and finds deals by associated contact in search", async () => {
    const response = await hub.api("/crm/v4/associations/contacts/deals/batch/associate/default", {
      body: {
        inputs: [
          { from: { id: contactId }, to: { id: dealId } },
          { from: { id: "1" }, to: { id: dealId } },
        ],
      },
    });
    expect(response.status).toBe(207);
    const search = await json<{ results: { id: string }[] }>(
      await hub.api("/crm/v3/objects/deals/search", {
        body: {
          filterGroups: [{ filters: [{ propertyName: "associations.contact", operator: "EQ", value: contactId }] }],
        },
      }),
    );
    expect(search.results.map((deal) => deal.id)).toEqual([dealId]);
  });
});
