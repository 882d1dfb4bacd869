import { afterEach, describe, expect, it } from "vitest";
import { type HubspotHarness, json, startHubspot } from "./test-support";

describe("hubspot provider: rate limits, scripted actions, state and reset", () => {
  const harnesses: HubspotHarness[] = [];
  const start = async (options?: Parameters<typeof startHubspot>[0]) => {
    const hub = await startHubspot(options);
    harnesses.push(hub);
    return hub;
  };
  afterEach(async () => {
    for (const hub of harnesses.splice(0)) await hub.close();
  });

  it("counts calls in a rolling 10 s window and answers the TEN_SECONDLY_ROLLING 429", async () => {
    const hub = await start({ rateLimit: { max: 3 } });
    const remaining: (string | null)[] = [];
    for (let n = 0; n < 3; n += 1) {
      const response = await hub.api("/crm/v3/objects/contacts");
      expect(response.status).toBe(200);
      remaining.push(response.headers.get("x-hubspot-ratelimit-remaining"));
      expect(response.headers.get("x-hubspot-ratelimit-max")).toBe("3");
      expect(response.headers.get("x-hubspot-ratelimit-daily")).toBe("650000");
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await hub.api("/crm/v3/objects/contacts");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-hubspot-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("10000");
    const body = await json(limited);
    expect(body).toMatchObject({
      status: "error",
      message: "You have reached your ten_secondly_rolling limit.",
      errorType: "RATE_LIMIT",
      policyName: "TEN_SECONDLY_ROLLING",
    });
    expect(body.correlationId).toBe(limited.headers.get("x-hubspot-correlation-id"));
    hub.sandbox.context.clock.advance(10_001);
    expect((await hub.api("/crm/v3/objects/contacts")).status).toBe(200);
  });

  it("sends the rate-limit headers on errors too, and on unauthenticated calls without counting them", async () => {
    const hub = await start({ rateLimit: { max: 5 } });
    const missing = await hub.api("/crm/v3/objects/contacts/404404");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-hubspot-ratelimit-remaining")).toBe("4");
    const anonymous = await hub.api("/crm/v3/objects/contacts", { headers: { authorization: "" } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("x-hubspot-ratelimit-max")).toBe("5");
    expect((await hub.api("/crm/v3/objects/contacts")).headers.get("x-hubspot-ratelimit-remaining")).toBe("3");
  });

  it("runs the scripted actions and exposes the state", async () => {
    const hub = await start();
    const created = await hub.admin("create-contact", { email: "ui@example.com", firstname: "Uma", phone: "+1555" });
    expect(created.status).toBe(201);
    const contact = await json<{ id: string; properties: Record<string, string> }>(created);
    expect(contact.properties).toMatchObject({ email: "ui@example.com", firstname: "Uma", phone: "+1555" });
    expect((await hub.admin("create-contact", { email: "ui@example.com" })).status).toBe(409);
    expect((await hub.admin("create-contact", {})).status).toBe(400);
    const deal = await json<{ id: string }>(
      await hub.api("/crm/v3/objects/deals", {
        body: {
          properties: { dealname: "D" },
          associations: [
            { to: { id: contact.id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 3 }] },
          ],
        },
      }),
    );
    expect((await hub.admin("update-deal-stage", { dealId: deal.id, stage: "contractsent" })).status).toBe(200);
    expect((await hub.admin("tick")).status).toBe(200);
    expect((await hub.admin("revoke-refresh-token", { refreshToken: "na1-unknown" })).status).toBe(404);
    expect((await hub.admin("no-such-action")).status).toBe(404);

    const state = await json<Record<string, unknown[] | unknown>>(
      await fetch(`${hub.sandbox.url}/_sandbox/state?provider=hubspot`),
    );
    expect(Object.keys(state).sort()).toEqual([
      "associations",
      "contacts",
      "deals",
      "notes",
      "subscriptions",
      "tasks",
      "webhookSettings",
    ]);
    expect(state.contacts).toEqual([expect.objectContaining({ id: contact.id, archived: false })]);
    expect(state.deals).toEqual([
      expect.objectContaining({ id: deal.id, properties: expect.objectContaining({ dealstage: "contractsent" }) }),
    ]);
    expect(state.associations).toEqual([
      expect.objectContaining({
        fromType: "deals",
        fromId: deal.id,
        toType: "contacts",
        toId: contact.id,
        associationTypeId: 3,
      }),
    ]);
    expect(state.webhookSettings).toBeNull();
  });

  it("reset drops every record, token and counter", async () => {
    const hub = await start({ rateLimit: { max: 2 } });
    await hub.admin("create-contact", { email: "r@example.com" });
    await hub.api("/crm/v3/objects/contacts");
    await hub.api("/crm/v3/objects/contacts");
    expect((await hub.api("/crm/v3/objects/contacts")).status).toBe(429);
    await fetch(`${hub.sandbox.url}/_sandbox/reset`, { method: "POST" });
    const state = await json<{ contacts: unknown[] }>(
      await fetch(`${hub.sandbox.url}/_sandbox/state?provider=hubspot`),
    );
    expect(state.contacts).toEqual([]);
    expect((await hub.api("/crm/v3/objects/contacts")).status).toBe(200);
    const created = await json<{ id: string }>(await hub.admin("create-contact", { email: "r@example.com" }));
    expect(created.id).toBe("1001");
  });
});
