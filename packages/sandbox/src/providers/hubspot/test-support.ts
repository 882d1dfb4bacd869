import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type SandboxServer, startSandboxServer } from "../../server";
import type { HubspotSandboxOptions } from "./context";
import { HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN } from "./fixtures";
import { createHubspotSandbox } from "./index";

export interface HubspotHarness {
  sandbox: SandboxServer;
  /** `/hubspot` on the sandbox server. */
  base: string;
  /** A CRM call with the private-app token (override `authorization` to test auth). */
  api: (
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<Response>;
  admin: (action: string, body?: unknown) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startHubspot(options: HubspotSandboxOptions = {}): Promise<HubspotHarness> {
  const sandbox = await startSandboxServer({ port: 0, providers: [createHubspotSandbox(options)] });
  const base = `${sandbox.url}/hubspot`;
  return {
    sandbox,
    base,
    api: (path, init = {}) =>
      fetch(`${base}${path}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        headers: {
          authorization: `Bearer ${HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN}`,
          "content-type": "application/json",
          ...init.headers,
        },
      }),
    admin: (action, body = {}) =>
      fetch(`${sandbox.url}/_sandbox/hubspot/${action}`, { method: "POST", body: JSON.stringify(body) }),
    close: () => sandbox.close(),
  };
}

export interface ReceivedWebhook {
  url: string;
  body: string;
  headers: IncomingHttpHeaders;
}

/** A local endpoint that records every POST and answers with the queued statuses (then 200). */
export async function startReceiver(statuses: number[] = []) {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ url: req.url ?? "", body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hubspot`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
