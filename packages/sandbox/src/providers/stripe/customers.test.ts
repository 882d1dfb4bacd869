import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { STRIPE_SANDBOX_API_VERSION, STRIPE_SANDBOX_SECRET_KEY } from "./fixtures";
import { type StripeTestClient, startStripeTest } from "./testing";

describe("stripe sandbox: auth and customers", () => {
  let client: StripeTestClient;
  beforeAll(async () => {
    client = await startStripeTest({ searchLagMs: 60_000 });
  });
  afterAll(() => client.close());
  beforeEach(async () => {
    await fetch(`${client.sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  it("refuses a missing key and a wrong key with Stripe's 401 bodies, masking the key", async () => {
    const missing = await client.call("GET", "/v1/customers", {}, { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error.type).toBe("invalid_request_error");
    expect(missing.body.error.message).toMatch(/^You did not provide an API key/);
    const wrong = await client.call("GET", "/v1/customers", {}, { key: `sk_test_${"x".repeat(20)}1234` });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { type: "invalid_request_error", message: `Invalid API Key provided: sk_test_${"*".repeat(20)}1234` },
    });
    expect(wrong.headers.get("request-id")).toMatch(/^req_/);
    expect(wrong.headers.get("stripe-should-retry")).toBe("false");
  });

  it("accepts the key as the Basic username and echoes the pinned version", async () => {
    const basic = Buffer.from(`${STRIPE_SANDBOX_SECRET_KEY}:`).toString("base64");
    const response = await fetch(`${client.sandbox.url}/stripe/v1/customers`, {
      headers: { authorization: `Basic ${basic}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("stripe-version")).toBe(STRIPE_SANDBOX_API_VERSION);
    const other = await client.call("GET", "/v1/customers", {}, { headers: { "stripe-version": "2020-08-27" } });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toContain(STRIPE_SANDBOX_API_VERSION);
  });

  it("creates, reads, updates (empty string unsets) and deletes a customer", async () => {
    const created = await client.call("POST", "/v1/customers", {
      email: "ada@example.com",
      name: "Ada",
      description: "first",
      metadata: { crm_id: "42", keep: "yes" },
      address: { city: "London", country: "GB" },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: "customer",
      email: "ada@example.com",
      metadata: { crm_id: "42", keep: "yes" },
      address: { city: "London", country: "GB", line1: null },
      livemode: false,
      next_invoice_sequence: 1,
    });
    expect(created.body.id).toMatch(/^cus_/);
    expect(created.body.invoice_prefix).toMatch(/^[A-Z0-9]{8}$/);
    const id = created.body.id as string;
    const updated = await client.call("POST", `/v1/customers/${id}`, "description=&metadata[crm_id]=&name=Ada+L");
    expect(updated.body).toMatchObject({ description: null, name: "Ada L", metadata: { keep: "yes" } });
    expect((await client.call("GET", `/v1/customers/${id}`)).body.name).toBe("Ada L");
    expect((await client.call("DELETE", `/v1/customers/${id}`)).body).toEqual({
      id,
      object: "customer",
      deleted: true,
    });
    expect((await client.call("GET", `/v1/customers/${id}`)).body).toEqual({ id, object: "customer", deleted: true });
    expect((await client.call("POST", `/v1/customers/${id}`, { name: "x" })).status).toBe(404);
  });

  it("answers 404 resource_missing and 400 for unknown or malformed parameters", async () => {
    const missing = await client.call("GET", "/v1/customers/cus_nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      type: "invalid_request_error",
      code: "resource_missing",
      param: "id",
      message: "No such customer: 'cus_nope'",
    });
    const unknown = await client.call("POST", "/v1/customers", { emial: "typo@example.com" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "parameter_unknown", param: "emial" });
    const badEmail = await client.call("POST", "/v1/customers", { email: "not-an-email" });
    expect(badEmail.body.error).toMatchObject({ code: "email_invalid", param: "email" });
    const route = await client.call("GET", "/v1/nothing");
    expect(route.status).toBe(404);
    expect(route.body.error.message).toContain("Unrecognized request URL (GET: /v1/nothing)");
  });

  it("lists newest first with exact, case-sensitive email filtering", async () => {
    await client.call("POST", "/v1/customers", { email: "Ann@example.com" });
    const ann = await client.call("POST", "/v1/customers", { email: "ann@example.com" });
    const found = await client.call("GET", "/v1/customers", { email: "ann@example.com" });
    expect(found.body).toMatchObject({ object: "list", url: "/v1/customers", has_more: false });
    expect(found.body.data.map((customer: { id: string }) => customer.id)).toEqual([ann.body.id]);
  });

  it("pages with limit, starting_after and ending_before", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1)
      ids.push((await client.call("POST", "/v1/customers", { name: `c${index}` })).body.id);
    const newest = [...ids].reverse();
    const first = await client.call("GET", "/v1/customers", { limit: 2 });
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual(newest.slice(0, 2));
    expect(first.body.has_more).toBe(true);
    const second = await client.call("GET", "/v1/customers", { limit: 2, starting_after: newest[1] });
    expect(second.body.data.map((c: { id: string }) => c.id)).toEqual(newest.slice(2, 4));
    const last = await client.call("GET", "/v1/customers", { limit: 2, starting_after: newest[3] });
    expect(last.body).toMatchObject({ has_more: false });
    expect(last.body.data.map((c: { id: string }) => c.id)).toEqual(newest.slice(4));
    const back = await client.call("GET", "/v1/customers", { limit: 2, ending_before: newest[4] });
    expect(back.body.data.map((c: { id: string }) => c.id)).toEqual(newest.slice(2, 4));
    expect(back.body.has_more).toBe(true);
    expect((await client.call("GET", "/v1/customers", { limit: 101 })).status).toBe(400);
    expect((await client.call("GET", "/v1/customers", { limit: 0 })).status).toBe(400);
    const badCursor = await client.call("GET", "/v1/customers", { starting_after: "cus_gone" });
    expect(badCursor.body.error).toMatchObject({ code: "resource_missing", param: "starting_after" });
  });

  it("makes search eventually consistent: a change shows only after the configured lag", async () => {
    const created = await client.call("POST", "/v1/customers", { email: "lag@example.com", name: "Lag" });
    const search = () => client.call("GET", "/v1/customers/search", { query: "email:'lag@example.com'" });
    expect((await search()).body).toEqual({
      object: "search_result",
      data: [],
      has_more: false,
      next_page: null,
      url: "/v1/customers/search",
    });
    expect((await client.call("GET", "/v1/customers", { email: "lag@example.com" })).body.data).toHaveLength(1);
    await fetch(`${client.sandbox.url}/_sandbox/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceMs: 61_000 }),
    });
    expect((await search()).body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const byName = await client.call("GET", "/v1/customers/search", { query: "name~'La' AND email:'x@y.z'" });
    expect(byName.status).toBe(400);
    const mixed = await client.call("GET", "/v1/customers/search", { query: "name:'a' AND email:'b' OR phone:'c'" });
    expect(mixed.body.error.param).toBe("query");
  });

  it("pages search results with next_page", async () => {
    for (const name of ["Page One", "Page Two", "Page Three"]) await client.call("POST", "/v1/customers", { name });
    await fetch(`${client.sandbox.url}/_sandbox/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceMs: 61_000 }),
    });
    const first = await client.call("GET", "/v1/customers/search", { query: "name~'Page'", limit: 2 });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.has_more).toBe(true);
    const second = await client.call("GET", "/v1/customers/search", {
      query: "name~'Page'",
      limit: 2,
      page: first.body.next_page,
    });
    expect(second.body).toMatchObject({ has_more: false, next_page: null });
    expect(second.body.data.map((c: { name: string }) => c.name)).toEqual(["Page One"]);
  });
});
