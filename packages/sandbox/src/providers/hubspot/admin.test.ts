import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HubspotHarness, json, startHubspot } from "./test-support";

interface ApiObject {
  id: string;
  properties: Record<string, string | null>;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

describe("hubspot sandbox: a user creates a deal in the CRM", () => {
  let hub: HubspotHarness;
  beforeAll(async () => {
    hub = await startHubspot();
  });
  afterAll(() => hub.close());
  beforeEach(async () => {
    await fetch(`${hub.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const readDeal = async (id: string) =>
    json<ApiObject>(
      await hub.api(`/crm/v3/objects/deals/${id}?properties=amount,deposit,dealstage&associations=contacts`),
    );

  it("creates the deal with its deposit, associated with the contact found by e-mail", async () => {
    const contact = await json<ApiObject>(await hub.admin("create-contact", { email: "ann@example.com" }));
    const created = await hub.admin("create-deal", {
      dealname: "Wedding hair",
      amount: "1200",
      deposit: "30%",
      email: "Ann@Example.com",
    });
    expect(created.status).toBe(201);
    const { id } = await json<ApiObject>(created);
    const deal = await readDeal(id);
    expect(deal.properties).toMatchObject({ amount: "1200", deposit: "30%", dealstage: "appointmentscheduled" });
    expect(deal.associations?.contacts?.results.map((result) => result.id)).toEqual([contact.id]);

    const won = await hub.admin("update-deal-stage", { dealId: id, stage: "closedwon" });
    expect(won.status).toBe(200);
    expect((await readDeal(id)).properties.dealstage).toBe("closedwon");
  });

  it("refuses a deal for a contact that does not exist, and a stage that does not", async () => {
    const unknown = await hub.admin("create-deal", { dealname: "Cut", contactId: "999999" });
    expect(unknown.status).toBe(404);
    const badStage = await hub.admin("create-deal", { dealname: "Cut", dealstage: "won" });
    expect(badStage.status).toBe(400);
    expect(JSON.stringify(await json(badStage))).toContain("dealstage");
  });
});
