import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hubspotProviderMessage, hubspotRateLimitWaitMs } from "./client";
import { findOrCreateContactAction } from "./find-or-create-contact";
import {
  addFault,
  resetSandbox,
  sandboxAdmin,
  sandboxConnection,
  sandboxRequests,
  startHubspotSandbox,
} from "./test-support";
import { updateContactAction } from "./update-contact";

describe("hubspotProviderMessage", () => {
  it("keeps HubSpot's message with its category and correlation id", () => {
    expect(
      hubspotProviderMessage({
        status: "error",
        message: "Authentication credentials not found.",
        category: "INVALID_AUTHENTICATION",
        correlationId: "c-1",
      }),
    ).toBe("Authentication credentials not found. (INVALID_AUTHENTICATION, correlationId c-1)");
  });

  it("names the rate-limit policy of a 429 body, which has no category", () => {
    expect(
      hubspotProviderMessage({
        status: "error",
        message: "You have reached your ten_secondly_rolling limit.",
        errorType: "RATE_LIMIT",
        policyName: "TEN_SECONDLY_ROLLING",
      }),
    ).toBe("You have reached your ten_secondly_rolling limit. (RATE_LIMIT TEN_SECONDLY_ROLLING)");
  });

  it("turns the JSON list of invalid properties into words", () => {
    expect(
      hubspotProviderMessage({
        status: "error",
        message: 'Property values were not valid: [{"isValid":false,"name":"dealstage"}]',
        category: "VALIDATION_ERROR",
        errors: [{ message: "nope was not one of the allowed options", context: { propertyName: ["dealstage"] } }],
      }),
    ).toBe("Property values were not valid: dealstage: nope was not one of the allowed options (VALIDATION_ERROR)");
  });
});

describe("hubspotRateLimitWaitMs", () => {
  it("waits the rolling window when it is spent, a second for the per-second limit, an hour for the daily one", () => {
    const spent = new Headers({
      "x-hubspot-ratelimit-remaining": "0",
      "x-hubspot-ratelimit-interval-milliseconds": "10000",
    });
    expect(hubspotRateLimitWaitMs(spent)).toBe(10_000);
    expect(hubspotRateLimitWaitMs(new Headers({ "x-hubspot-ratelimit-remaining": "42" }))).toBe(1_000);
    expect(hubspotRateLimitWaitMs(new Headers())).toBeUndefined();
    const daily = new Headers({ "x-hubspot-ratelimit-remaining": "150", "x-hubspot-ratelimit-daily-remaining": "0" });
    expect(hubspotRateLimitWaitMs(daily)).toBe(3_600_000);
  });
});

describe("hubspot client against the sandbox", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox({ rateLimit: { max: 4 } });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  const update = (contactId: string, token?: string) =>
    runAction(updateContactAction, {
      props: { contactId, properties: { firstname: "Jo" } },
      connection: sandboxConnection(sandbox, token ? { token } : {}),
    });

  it("maps a bad token to a final auth error with HubSpot's message", async () => {
    const failure = await update("1001", "pat-na1-wrong").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({ code: "auth", kind: "final", status: 401 });
    expect((failure as ConnectorError).providerMessage).toContain("INVALID_AUTHENTICATION");
  });

  it("maps an unknown record to a final not_found", async () => {
    await expect(update("999999")).rejects.toMatchObject({ code: "not_found", kind: "final", status: 404 });
  });

  it("retries a 429 with Retry-After inline", async () => {
    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "rl@example.com" });
    await addFault(sandbox, { method: "PATCH", times: 1, status: 429, headers: { "Retry-After": "1" } });
    const { output } = await update(contact.id);
    expect(output.contact.properties.firstname).toBe("Jo");
    const patches = (await sandboxRequests(sandbox)).filter((request) => request.method === "PATCH");
    expect(patches.map((request) => request.status)).toEqual([429, 200]);
  });

  it("hands a spent 10-second window to the engine as a retriable error with the window as the wait", async () => {
    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "burst@example.com" });
    for (let call = 0; call < 4; call += 1) await update(contact.id);
    const failure = await update(contact.id).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "rate_limited", kind: "retriable", status: 429, retryAfterMs: 10_000 });
    expect((failure as ConnectorError).providerMessage).toContain("TEN_SECONDLY_ROLLING");
    sandbox.context.clock.advance(10_001);
    await expect(update(contact.id)).resolves.toBeDefined();
  });

  it("waits a second inline for a per-second 429 while the burst window has room", async () => {
    await addFault(sandbox, {
      method: "POST",
      pathPrefix: "/crm/v3/objects/contacts/search",
      times: 1,
      status: 429,
      headers: { "X-HubSpot-RateLimit-Remaining": "150", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000" },
      body: { status: "error", message: "You have reached your secondly limit.", errorType: "RATE_LIMIT" },
    });
    const started = Date.now();
    const { output } = await runAction(findOrCreateContactAction, {
      props: { phone: "+33655555555" },
      connection: sandboxConnection(sandbox),
    });
    expect(output.created).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("retries a 5xx of a read inline", async () => {
    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "flaky@example.com" });
    await addFault(sandbox, { method: "GET", times: 1, status: 502, body: "Bad gateway" });
    const { output } = await runAction(findOrCreateContactAction, {
      props: { email: "flaky@example.com" },
      connection: sandboxConnection(sandbox),
    });
    expect(output).toMatchObject({ contactId: contact.id, matchedBy: "email" });
  });

  it("never replays a create after a 500 (it may have happened): the engine's retry looks first", async () => {
    await addFault(sandbox, { method: "POST", pathPrefix: "/crm/v3/objects/contacts", times: 1, status: 500 });
    const props = { email: "once@example.com" };
    const connection = sandboxConnection(sandbox);
    await expect(runAction(findOrCreateContactAction, { props, connection })).rejects.toMatchObject({
      code: "server_error",
      kind: "retriable",
    });
    const { output } = await runAction(findOrCreateContactAction, { props, connection });
    expect(output.created).toBe(true);
  });
});
