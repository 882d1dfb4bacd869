import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HUBSPOT_SANDBOX_OWNER_ID } from "./fixtures";
import { type HubspotHarness, json, startHubspot } from "./test-support";

interface ApiObject {
  id: string;
  properties: Record<string, string | null>;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

describe("hubspot deals, pipelines, tasks and notes", () => {
  let hub: HubspotHarness;
  beforeAll(async () => {
    hub = await startHubspot();
  });
  afterAll(() => hub.close());
  beforeEach(async () => {
    await fetch(`${hub.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const contact = async (email: string) =>
    json<ApiObject>(await hub.api("/crm/v3/objects/contacts", { body: { properties: { email } } }));

  it("lists the default pipeline with its stage ids", async () => {
    const body = await json<{ results: { id: string; stages: { id: string; metadata: { isClosed: string } }[] }[] }>(
      await hub.api("/crm/v3/pipelines/deals"),
    );
    expect(body.results.map((pipeline) => pipeline.id)).toEqual(["default"]);
    expect(body.results[0]?.stages.map((stage) => stage.id)).toEqual([
      "appointmentscheduled",
      "qualifiedtobuy",
      "presentationscheduled",
      "decisionmakerboughtin",
      "contractsent",
      "closedwon",
      "closedlost",
    ]);
    expect(body.results[0]?.stages.at(-1)?.metadata.isClosed).toBe("true");
    expect((await hub.api("/crm/v3/pipelines/0-3/nope")).status).toBe(404);
  });

  it("creates a deal in the default pipeline, associated inline with a contact (type 3)", async () => {
    const jane = await contact("jane@example.com");
    const response = await hub.api("/crm/v3/objects/deals", {
      body: {
        properties: { dealname: "Website", dealstage: "qualifiedtobuy", amount: 1500, closedate: 1767225600000 },
        associations: [
          { to: { id: jane.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 3 }] },
        ],
      },
    });
    expect(response.status).toBe(201);
    const deal = await json<ApiObject>(response);
    expect(deal.properties).toMatchObject({
      dealname: "Website",
      dealstage: "qualifiedtobuy",
      pipeline: "default",
      amount: "1500",
      closedate: "2026-01-01T00:00:00.000Z",
    });
    const read = await json<ApiObject>(await hub.api(`/crm/v3/objects/0-3/${deal.id}?associations=contacts`));
    expect(read.associations?.contacts?.results).toEqual([{ id: jane.id, type: "deal_to_contact" }]);
    const fromContact = await json<ApiObject>(await hub.api(`/crm/v3/objects/contacts/${jane.id}?associations=deals`));
    expect(fromContact.associations?.deals?.results).toEqual([{ id: deal.id, type: "contact_to_deal" }]);
  });

  it("refuses a stage outside the pipeline and an association to a missing record", async () => {
    const bad = await hub.api("/crm/v3/objects/deals", { body: { properties: { dealname: "X", dealstage: "won" } } });
    expect(bad.status).toBe(400);
    const body = await json(bad);
    expect(body.category).toBe("VALIDATION_ERROR");
    expect(String(body.message)).toContain("INVALID_OPTION");
    const orphan = await hub.api("/crm/v3/objects/deals", {
      body: {
        properties: { dealname: "Y" },
        associations: [
          { to: { id: "424242" }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 3 }] },
        ],
      },
    });
    expect(orphan.status).toBe(400);
  });

  it("moves a deal through stages with PATCH and validates the new stage", async () => {
    const deal = await json<ApiObject>(
      await hub.api("/crm/v3/objects/deals", { body: { properties: { dealname: "Z", dealstage: "contractsent" } } }),
    );
    const won = await hub.api(`/crm/v3/objects/deals/${deal.id}`, {
      method: "PATCH",
      body: { properties: { dealstage: "closedwon" } },
    });
    expect(won.status).toBe(200);
    expect((await json<ApiObject>(won)).properties.dealstage).toBe("closedwon");
    const wrong = await hub.api(`/crm/v3/objects/deals/${deal.id}`, {
      method: "PATCH",
      body: { properties: { dealstage: "Closed Won" } },
    });
    expect(wrong.status).toBe(400);
  });

  it("keeps the portal's payment properties on deals, checked like HubSpot checks an enumeration and a number", async () => {
    const deal = await json<ApiObject>(
      await hub.api("/crm/v3/objects/deals", { body: { properties: { dealname: "Colour", amount: "91.80" } } }),
    );
    const partly = await hub.api(`/crm/v3/objects/deals/${deal.id}`, {
      method: "PATCH",
      body: { properties: { payment_status: "partially_paid", amount_paid: "25.50", amount_remaining: "66.30" } },
    });
    expect(partly.status).toBe(200);
    const read = await json<ApiObject>(
      await hub.api(`/crm/v3/objects/deals/${deal.id}?properties=payment_status,amount_paid,amount_remaining`),
    );
    expect(read.properties).toMatchObject({
      payment_status: "partially_paid",
      amount_paid: "25.50",
      amount_remaining: "66.30",
    });

    const wrong = await hub.api(`/crm/v3/objects/deals/${deal.id}`, {
      method: "PATCH",
      body: { properties: { payment_status: "Paid", amount_paid: "25,50 EUR" } },
    });
    expect(wrong.status).toBe(400);
    const body = await json(wrong);
    expect(body.category).toBe("VALIDATION_ERROR");
    expect(String(body.message)).toContain(
      "Paid was not one of the allowed options: [unpaid, partially_paid, paid, overdue, refunded]",
    );
    expect(String(body.message)).toContain("INVALID_INTEGER");

    // Custom properties belong to deals only: on a contact the name does not exist.
    const onContact = await hub.api("/crm/v3/objects/contacts", {
      body: { properties: { email: "pay@example.com", payment_status: "paid" } },
    });
    expect(onContact.status).toBe(400);
    expect(String((await json(onContact)).message)).toContain("PROPERTY_DOESNT_EXIST");
  });

  it("creates a task for a contact and a deal, then completes it", async () => {
    const jane = await contact("task@example.com");
    const response = await hub.api("/crm/v3/objects/tasks", {
      body: {
        properties: {
          hs_task_subject: "Call Jane",
          hs_task_body: "About the quote",
          hs_timestamp: "2026-02-01T10:00:00Z",
          hubspot_owner_id: HUBSPOT_SANDBOX_OWNER_ID,
        },
        associations: [
          { to: { id: jane.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 204 }] },
        ],
      },
    });
    expect(response.status).toBe(201);
    const task = await json<ApiObject>(response);
    expect(task.properties).toMatchObject({ hs_task_status: "NOT_STARTED", hs_timestamp: "2026-02-01T10:00:00.000Z" });
    const done = await json<ApiObject>(
      await hub.api(`/crm/v3/objects/tasks/${task.id}`, {
        method: "PATCH",
        body: { properties: { hs_task_status: "COMPLETED" } },
      }),
    );
    expect(done.properties.hs_task_status).toBe("COMPLETED");
    expect(done.properties.hs_task_completion_date).toBeTruthy();
    const bad = await hub.api(`/crm/v3/objects/tasks/${task.id}`, {
      method: "PATCH",
      body: { properties: { hs_task_status: "DONE" } },
    });
    expect(bad.status).toBe(400);
    const list = await json<{ results: { toObjectId: number; associationTypes: { typeId: number }[] }[] }>(
      await hub.api(`/crm/v4/objects/contacts/${jane.id}/associations/tasks`),
    );
    expect(list.results).toEqual([
      { toObjectId: Number(task.id), associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 203, label: null }] },
    ]);
  });

  it("creates notes, requiring hs_timestamp, and refuses an unknown owner", async () => {
    const missing = await hub.api("/crm/v3/objects/notes", { body: { properties: { hs_note_body: "Hi" } } });
    expect(missing.status).toBe(400);
    expect(String((await json(missing)).message)).toContain("hs_timestamp");
    const owner = await hub.api("/crm/v3/objects/notes", {
      body: { properties: { hs_note_body: "Hi", hs_timestamp: Date.now(), hubspot_owner_id: "1" } },
    });
    expect(String((await json(owner)).message)).toContain("INVALID_OWNER_ID");
    const note = await hub.api("/crm/v3/objects/notes", {
      body: { properties: { hs_note_body: "Met at the fair", hs_timestamp: "2026-01-05T09:00:00Z" } },
    });
    expect(note.status).toBe(201);
    const owners = await json<{ results: { id: string }[] }>(await hub.api("/crm/v3/owners"));
    expect(owners.results.map((candidate) => candidate.id)).toContain(HUBSPOT_SANDBOX_OWNER_ID);
  });

  it("answers 400 for an object type it cannot infer", async () => {
    const response = await hub.api("/crm/v3/objects/widgets");
    expect(response.status).toBe(400);
    expect((await json(response)).message).toBe("Unable to infer object type from: widgets");
  });
});
