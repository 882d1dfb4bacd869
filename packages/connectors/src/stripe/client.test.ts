import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { STRIPE_SANDBOX_SECRET_KEY } from "@handoff/sandbox/stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createStripeClient, STRIPE_API_VERSION, stripeProviderMessage } from "./client";
import { getInvoiceAction } from "./get-invoice";
import {
  addFault,
  resetSandbox,
  sandboxConnection,
  sandboxRequests,
  sandboxState,
  startStripeSandbox,
} from "./test-support";

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox));

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

const client = () => createStripeClient(sandboxConnection(sandbox));
const createCustomer = (idempotencyKey: string) =>
  client().request({ method: "POST", path: "/v1/customers", form: { email: "ada@example.com" }, idempotencyKey });

describe("Stripe client", () => {
  it("sends the pinned version, the bearer key, form bodies and the idempotency key", async () => {
    const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(200, { "content-type": "application/json" }).end('{"id":"cus_1","object":"customer"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const connection = sandboxConnection(sandbox);
      const capture = { ...connection, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
      await createStripeClient(capture).request({
        method: "POST",
        path: "/v1/customers",
        form: { email: "ada@example.com", metadata: { crm_id: "42" }, preferred_locales: ["fr", "en"] },
        idempotencyKey: "run-1:customer:create-customer",
      });
      const [request] = seen;
      expect(request?.headers).toMatchObject({
        authorization: `Bearer ${STRIPE_SANDBOX_SECRET_KEY}`,
        "stripe-version": STRIPE_API_VERSION,
        "idempotency-key": "run-1:customer:create-customer",
        "content-type": "application/x-www-form-urlencoded",
      });
      expect(decodeURIComponent(request?.body ?? "")).toBe(
        "email=ada@example.com&metadata[crm_id]=42&preferred_locales[0]=fr&preferred_locales[1]=en",
      );
    } finally {
      server.close();
    }
  });

  it("refuses a POST without an idempotency key before sending it", async () => {
    const error = await failure(client().request({ method: "POST", path: "/v1/customers", form: {} }));
    expect(error.message).toContain("without an idempotency key");
    expect(await sandboxRequests(sandbox)).toEqual([]);
  });

  it("maps a bad key to a final auth error with Stripe's message", async () => {
    const error = await failure(
      runAction(getInvoiceAction, {
        props: { invoiceId: "in_123" },
        connection: sandboxConnection(sandbox, "sk_test_wrong"),
      }),
    );
    expect(error).toMatchObject({ code: "auth", kind: "final", status: 401 });
    expect(error.providerMessage).toMatch(/^Invalid API Key provided: sk_test_\*+rong \(invalid_request_error\)$/);
  });

  it("maps 404 to not_found, keeping the code and the parameter", async () => {
    const error = await failure(
      runAction(getInvoiceAction, { props: { invoiceId: "in_missing" }, connection: sandboxConnection(sandbox) }),
    );
    expect(error).toMatchObject({ code: "not_found", kind: "final", status: 404 });
    expect(error.providerMessage).toBe("No such invoice: 'in_missing' (resource_missing, param id)");
  });

  it("maps 400 to a final validation error naming the parameter", async () => {
    const error = await failure(
      client().request({ method: "POST", path: "/v1/customers", form: { emial: "x@y.z" }, idempotencyKey: "k-400" }),
    );
    expect(error).toMatchObject({ code: "validation", kind: "final", status: 400 });
    expect(error.providerMessage).toBe("Received unknown parameter: emial (parameter_unknown, param emial)");
  });

  it("waits out a 429 with Retry-After and tries again", async () => {
    await addFault(sandbox, {
      pathPrefix: "/v1/customers",
      status: 429,
      headers: { "Retry-After": "1", "Stripe-Should-Retry": "true" },
      body: { error: { type: "invalid_request_error", code: "rate_limit", message: "Request rate limit exceeded." } },
    });
    const started = Date.now();
    const response = await createCustomer("k-429");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await sandboxRequests(sandbox)).map((request) => request.status)).toEqual([429, 200]);
  });

  it("hands a long rate-limit wait to the engine instead of sleeping through it", async () => {
    await addFault(sandbox, {
      status: 429,
      headers: { "Retry-After": "60" },
      body: { error: { type: "invalid_request_error", code: "rate_limit", message: "Request rate limit exceeded." } },
    });
    const error = await failure(client().request({ method: "GET", path: "/v1/customers" }));
    expect(error).toMatchObject({ code: "rate_limited", kind: "retriable", status: 429, retryAfterMs: 60_000 });
    expect(error.providerMessage).toBe("Request rate limit exceeded. (rate_limit)");
  });

  it("retries a 5xx POST with the same idempotency key, creating once", async () => {
    await addFault(sandbox, {
      method: "POST",
      status: 500,
      times: 2,
      body: { error: { type: "api_error", message: "boom" } },
    });
    const response = await createCustomer("k-500");
    expect(response.status).toBe(200);
    const requests = await sandboxRequests(sandbox);
    expect(requests.map((request) => request.status)).toEqual([500, 500, 200]);
    expect((await sandboxState(sandbox)).customers).toHaveLength(1);
  });

  it("gives up on a 5xx after its attempts, as a retriable error for the engine", async () => {
    await addFault(sandbox, { status: 503, times: 3, body: { error: { type: "api_error", message: "down" } } });
    const error = await failure(client().request({ method: "GET", path: "/v1/customers" }));
    expect(error).toMatchObject({
      code: "server_error",
      kind: "retriable",
      status: 503,
      providerMessage: "down (api_error)",
    });
  });

  it("makes a failure final when Stripe says Stripe-Should-Retry: false, without retrying it", async () => {
    await addFault(sandbox, {
      status: 500,
      headers: { "Stripe-Should-Retry": "false" },
      body: { error: { type: "api_error", code: "account_invalid", message: "This account cannot take payments." } },
    });
    const error = await failure(createCustomer("k-no-retry"));
    expect(error).toMatchObject({ code: "server_error", kind: "final", status: 500 });
    expect(error.providerMessage).toBe("This account cannot take payments. (account_invalid)");
    expect(error.message).toMatch(/^HTTP 500 .* from POST 127\.0\.0\.1:\d+\/stripe\/v1\/customers: This account/);
    expect(await sandboxRequests(sandbox)).toHaveLength(1);
  });

  it("retries a 409 that Stripe marks retriable (a concurrent request with the same key)", async () => {
    await addFault(sandbox, {
      status: 409,
      headers: { "Stripe-Should-Retry": "true" },
      body: { error: { type: "idempotency_error", message: "There is currently another in-progress request." } },
    });
    expect((await createCustomer("k-409")).status).toBe(200);
    expect((await sandboxRequests(sandbox)).map((request) => request.status)).toEqual([409, 200]);
  });

  it("reads Stripe's error body, and falls back to the common shapes", () => {
    expect(
      stripeProviderMessage({
        error: { type: "card_error", code: "card_declined", decline_code: "insufficient_funds", message: "Declined." },
      }),
    ).toBe("Declined. (card_declined, insufficient_funds)");
    expect(stripeProviderMessage({ message: "plain" })).toBe("plain");
    expect(stripeProviderMessage("Bad Gateway")).toBe("Bad Gateway");
  });
});
