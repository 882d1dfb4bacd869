import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type SandboxServer, startSandboxServer } from "../../server";
import { CALCOM_SANDBOX_API_KEY } from "./fixtures";
import { type CalcomSandboxOptions, createCalcomSandbox } from "./index";

/** Helpers shared by the Cal.com emulator's tests: a sandbox, an API client and a webhook receiver. */

export async function startCalcom(options?: CalcomSandboxOptions): Promise<SandboxServer> {
  return startSandboxServer({ port: 0, providers: [createCalcomSandbox(options)] });
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** `null` sends no Authorization header. */
  key?: string | null;
  /** `null` sends no cal-api-version header. */
  version?: string | null;
}

export async function callCalcom(sandbox: SandboxServer, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const key = options.key === undefined ? CALCOM_SANDBOX_API_KEY : options.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const version = options.version === undefined ? "2024-08-13" : options.version;
  if (version !== null) headers["cal-api-version"] = version;
  const response = await fetch(`${sandbox.url}/calcom${path}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test responses are asserted field by field.
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

export async function adminAction(sandbox: SandboxServer, action: string, body: unknown) {
  const response = await fetch(`${sandbox.url}/_sandbox/calcom/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test responses are asserted field by field.
  return { status: response.status, body: (await response.json()) as any };
}

/** An ISO instant `hours` after the sandbox's now, on a whole hour so slots do not drift. */
export function hoursFromNow(sandbox: SandboxServer, hours: number): string {
  const at = new Date(sandbox.context.clock.nowMs() + hours * 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString();
}

export interface ReceivedWebhook {
  rawBody: string;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are asserted field by field.
  json: any;
}

export async function startReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close: () => Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      received.push({ rawBody, headers: req.headers, json: JSON.parse(rawBody) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/calcom`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const booker = { name: "Jane Doe", email: "jane@example.com", timeZone: "Europe/London" };
