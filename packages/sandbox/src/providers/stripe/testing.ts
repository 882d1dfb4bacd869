import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import qs from "qs";
import { type SandboxServer, startSandboxServer } from "../../server";
import { createStripeSandbox, STRIPE_SANDBOX_SECRET_KEY, type StripeSandboxOptions } from "./index";

/** Test helpers: a sandbox with only Stripe mounted, and a form-encoding client like stripe-node's. */
export interface StripeTestClient {
  sandbox: SandboxServer;
  call: (
    method: "GET" | "POST" | "DELETE",
    path: string,
    params?: Record<string, unknown> | string,
    options?: { headers?: Record<string, string>; key?: string | null },
  ) => Promise<{ status: number; headers: Headers; body: Json }>;
  admin: (action: string, body: unknown) => Promise<{ status: number; body: Json }>;
  close: () => Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: test responses are read field by field
export type Json = any;

export async function startStripeTest(options: StripeSandboxOptions = {}): Promise<StripeTestClient> {
  const sandbox = await startSandboxServer({
    port: 0,
    providers: [createStripeSandbox({ overdueSweepIntervalMs: 0, ...options })],
  });
  return {
    sandbox,
    async call(method, path, params = {}, { headers = {}, key = STRIPE_SANDBOX_SECRET_KEY } = {}) {
      const encoded = typeof params === "string" ? params : qs.stringify(params);
      const url = `${sandbox.url}/stripe${path}${method === "POST" || !encoded ? "" : `?${encoded}`}`;
      const response = await fetch(url, {
        method,
        headers: {
          ...(key === null ? {} : { authorization: `Bearer ${key}` }),
          ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          ...headers,
        },
        body: method === "POST" ? encoded : undefined,
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    async admin(action, body) {
      const response = await fetch(`${sandbox.url}/_sandbox/stripe/${action}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    close: () => sandbox.close(),
  };
}

export interface ReceivedWebhook {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A local endpoint that records every POST and answers 200. */
export async function startWebhookReceiver(): Promise<{ url: string; received: ReceivedWebhook[]; close: () => void }> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/stripe-hook`, received, close: () => server.close() };
}

/** A customer plus a send_invoice draft, the usual starting point. */
export async function draftInvoice(client: StripeTestClient, params: Record<string, unknown> = {}) {
  const customer = (await client.call("POST", "/v1/customers", { email: "ada@example.com", name: "Ada Lovelace" }))
    .body;
  const invoice = await client.call("POST", "/v1/invoices", {
    customer: customer.id,
    collection_method: "send_invoice",
    days_until_due: 30,
    currency: "gbp",
    ...params,
  });
  return { customer, invoice: invoice.body };
}
