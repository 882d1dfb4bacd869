import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../errors/connector-error";
import { createHttpClient, type HttpClientOptions } from "./http-client";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

type Reply = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number };

describe("connector HTTP client", () => {
  let server: Server;
  let baseUrl: string;
  const seen: Seen[] = [];
  let replies: Reply[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        seen.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const reply = replies.shift() ?? { status: 200, body: '{"ok":true}' };
        setTimeout(() => {
          res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
          res.end(reply.body ?? "");
        }, reply.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    replies = [];
  });

  const sleeps: number[] = [];
  const client = (options: Partial<HttpClientOptions> = {}) =>
    createHttpClient({
      baseUrl,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...options,
    });

  it("sends auth, default headers, query and JSON, and parses the JSON answer", async () => {
    let calls = 0;
    const response = await client({
      authorize: () => ({ authorization: `Bearer token-${++calls}` }),
      headers: { "cal-api-version": "2024-08-13" },
    }).request({ method: "POST", path: "/v2/bookings", query: { take: 10, skip: undefined }, json: { a: 1 } });
    expect(response.body).toEqual({ ok: true });
    expect(seen[0]?.url).toBe("/api/v2/bookings?take=10");
    expect(seen[0]?.headers.authorization).toBe("Bearer token-1");
    expect(seen[0]?.headers["cal-api-version"]).toBe("2024-08-13");
    expect(seen[0]?.headers["content-type"]).toBe("application/json");
    expect(seen[0]?.body).toBe('{"a":1}');
  });

  it("form-encodes nested objects and arrays with brackets", async () => {
    await client().request({
      method: "POST",
      path: "v1/invoices",
      form: { customer: "cus_1", metadata: { crm_id: "7" }, default_tax_rates: ["txr_1", "txr_2"] },
    });
    expect(seen[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(decodeURIComponent(seen[0]?.body ?? "")).toBe(
      "customer=cus_1&metadata[crm_id]=7&default_tax_rates[0]=txr_1&default_tax_rates[1]=txr_2",
    );
  });

  it("retries a 503 honouring Retry-After, asking for auth headers again each time", async () => {
    replies = [
      { status: 503, headers: { "retry-after": "2" }, body: '{"message":"busy"}' },
      { status: 200, body: "[]" },
    ];
    sleeps.length = 0;
    let calls = 0;
    const response = await client({ authorize: () => ({ authorization: `Bearer t${++calls}` }) }).request({
      method: "GET",
      path: "/things",
    });
    expect(response.body).toEqual([]);
    expect(sleeps).toEqual([2_000]);
    expect(seen.map((request) => request.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("passes the idempotency key and retries a POST only when it carries one", async () => {
    replies = [{ status: 500 }, { status: 201, body: '{"id":"in_1"}' }];
    const created = await client({ idempotencyHeader: "Idempotency-Key" }).request({
      method: "POST",
      path: "/v1/invoices",
      form: { customer: "cus_1" },
      idempotencyKey: "run-1:invoice:create",
    });
    expect(created.status).toBe(201);
    expect(seen.map((request) => request.headers["idempotency-key"])).toEqual([
      "run-1:invoice:create",
      "run-1:invoice:create",
    ]);

    seen.length = 0;
    replies = [{ status: 500, body: '{"message":"boom"}' }];
    const error = await client()
      .request({ method: "POST", path: "/contacts", json: {} })
      .catch((caught: unknown) => caught);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).retriable).toBe(true);
  });

  it("fails at once on a 4xx with the provider's message, and hands back accepted statuses", async () => {
    replies = [
      { status: 400, body: '{"error":{"type":"invalid_request_error","message":"Missing required param: customer."}}' },
    ];
    const error = (await client()
      .request({ method: "POST", path: "/v1/invoices", form: {} })
      .catch((caught: unknown) => caught)) as ConnectorError;
    expect(error.kind).toBe("final");
    expect(error.code).toBe("validation");
    expect(error.providerMessage).toBe("Missing required param: customer.");
    expect(error.message).toContain("POST 127.0.0.1");
    expect(seen).toHaveLength(1);

    replies = [{ status: 404, body: '{"message":"not found"}' }];
    const found = await client().request({ method: "GET", path: "/contacts/x", accept: [404] });
    expect(found.status).toBe(404);
  });

  it("gives a long rate-limit wait to the engine instead of sleeping through it", async () => {
    replies = [{ status: 429, headers: { "retry-after": "60" } }];
    sleeps.length = 0;
    const error = (await client()
      .request({ method: "GET", path: "/x" })
      .catch((caught: unknown) => caught)) as ConnectorError;
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(60_000);
    expect(sleeps).toEqual([]);
  });

  it("reads the provider's own rate-limit headers when there is no Retry-After", async () => {
    replies = [{ status: 429, headers: { "x-hubspot-ratelimit-interval-milliseconds": "10000" } }];
    const error = (await client({
      rateLimitWaitMs: (headers) => Number(headers.get("x-hubspot-ratelimit-interval-milliseconds")),
    })
      .request({ method: "GET", path: "/x" })
      .catch((caught: unknown) => caught)) as ConnectorError;
    expect(error.retryAfterMs).toBe(10_000);
  });

  it("gives up after the last attempt with a retriable error", async () => {
    replies = [{ status: 502 }, { status: 502 }, { status: 502 }];
    const error = (await client({ maxAttempts: 3 })
      .request({ method: "GET", path: "/x" })
      .catch((caught: unknown) => caught)) as ConnectorError;
    expect(seen).toHaveLength(3);
    expect(error.retriable).toBe(true);
    expect(error.status).toBe(502);
  });

  it("times out a slow answer as a retriable timeout", async () => {
    replies = [{ status: 200, delayMs: 300 }];
    const error = (await client({ timeoutMs: 50, maxAttempts: 1 })
      .request({ method: "GET", path: "/slow" })
      .catch((caught: unknown) => caught)) as ConnectorError;
    expect(error.code).toBe("timeout");
    expect(error.retriable).toBe(true);
  });

  it("maps a refused connection to a retriable network error", async () => {
    const error = (await createHttpClient({ baseUrl: "http://127.0.0.1:1", maxAttempts: 1 })
      .request({ method: "GET", path: "/" })
      .catch((caught: unknown) => caught)) as ConnectorError;
    expect(error.code).toBe("network");
    expect(error.retriable).toBe(true);
  });
});
