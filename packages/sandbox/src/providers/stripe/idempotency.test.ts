import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { STRIPE_SANDBOX_SECRET_KEY } from "./fixtures";
import { type StripeTestClient, startStripeTest } from "./testing";

const OTHER_KEY = "sk_test_SecondSandboxKey000000000000";

describe("stripe sandbox: idempotency", () => {
  let client: StripeTestClient;
  beforeAll(async () => {
    client = await startStripeTest();
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const withKey = (key: string) => ({ headers: { "idempotency-key": key } });
  const customers = async () => (await client.call("GET", "/v1/customers")).body.data.length;

  it("replays the first response for the same key and parameters", async () => {
    const first = await client.call("POST", "/v1/customers", { email: "once@example.com" }, withKey("k-1"));
    const second = await client.call("POST", "/v1/customers", { email: "once@example.com" }, withKey("k-1"));
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.headers.get("original-request")).toBe(first.headers.get("request-id"));
    expect(await customers()).toBe(1);
    const events = (await client.call("GET", "/v1/events")).body.data;
    expect(events[0].request).toEqual({ id: first.headers.get("request-id"), idempotency_key: "k-1" });
  });

  it("refuses the same key with other parameters", async () => {
    await client.call("POST", "/v1/customers", { email: "a@example.com" }, withKey("k-2"));
    const other = await client.call("POST", "/v1/customers", { email: "b@example.com" }, withKey("k-2"));
    expect(other.status).toBe(400);
    expect(other.body.error.type).toBe("idempotency_error");
    expect(other.body.error.message).toContain("k-2");
  });

  it("stores nothing when validation fails, and forgets keys after 24 hours", async () => {
    const bad = await client.call("POST", "/v1/customers", { email: "nope" }, withKey("k-3"));
    expect(bad.status).toBe(400);
    const good = await client.call("POST", "/v1/customers", { email: "fixed@example.com" }, withKey("k-3"));
    expect(good.status).toBe(200);
    expect(good.headers.get("idempotent-replayed")).toBeNull();
    await fetch(`${client.sandbox.url}/_sandbox/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceMs: 24 * 60 * 60 * 1000 }),
    });
    const later = await client.call("POST", "/v1/customers", { email: "fixed@example.com" }, withKey("k-3"));
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect(later.body.id).not.toBe(good.body.id);
  });
});

describe("stripe sandbox: rate limit", () => {
  let client: StripeTestClient;
  beforeAll(async () => {
    client = await startStripeTest({ rateLimitPerSecond: 5, secretKeys: [STRIPE_SANDBOX_SECRET_KEY, OTHER_KEY] });
  });
  afterAll(() => client.close());

  it("answers 429 rate_limit past the per-key limit, with retry headers", async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<StripeTestClient["call"]>> | undefined;
    for (let index = 0; index < 7; index += 1) {
      const response = await client.call("GET", "/v1/customers");
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(limited?.body.error).toMatchObject({ type: "invalid_request_error", code: "rate_limit" });
    expect(limited?.headers.get("stripe-should-retry")).toBe("true");
    expect(limited?.headers.get("retry-after")).toBe("1");
    // The limit is per key: another key of the account still gets through.
    expect((await client.call("GET", "/v1/customers", {}, { key: OTHER_KEY })).status).toBe(200);
  });
});
