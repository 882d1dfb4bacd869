import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SandboxClock } from "./clock";
import { FaultPlan } from "./faults";
import type {
  Fault,
  RecordedRequest,
  SandboxContext,
  SandboxProvider,
  SandboxProviderFactory,
  SandboxRequest,
  SandboxResponse,
} from "./types";
import { WebhookOutbox } from "./webhook-outbox";

export interface StartSandboxServerOptions {
  port: number;
  host?: string;
  providers?: SandboxProviderFactory[];
  /** How many requests the log keeps (oldest dropped first). */
  logLimit?: number;
}

export interface SandboxServer {
  url: string;
  faults: FaultPlan;
  context: SandboxContext;
  /** The mounted emulators by key, for in-process tests. */
  providers: ReadonlyMap<string, SandboxProvider>;
  requests: () => readonly RecordedRequest[];
  close: () => Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * One HTTP server for every emulator. Providers are mounted at `/<key>`; `/_sandbox/*` is the
 * admin surface tests and the CLI use: health, reset, the request log, scripted faults, state.
 */
export async function startSandboxServer({
  port,
  host = "127.0.0.1",
  providers = [],
  logLimit = 1_000,
}: StartSandboxServerOptions): Promise<SandboxServer> {
  let baseUrl = "";
  const clock = new SandboxClock();
  const context: SandboxContext = { clock, outbox: new WebhookOutbox({ clock }), baseUrl: () => baseUrl };
  const byKey = new Map(providers.map((factory) => factory(context)).map((provider) => [provider.key, provider]));
  const faults = new FaultPlan();
  const log: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, { status: 500, body: { error: String(error) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const rawBody = await readBody(req);
    if (url.pathname.startsWith("/_sandbox/")) return send(res, await admin(req.method ?? "GET", url, rawBody));
    const [, key = "", ...rest] = url.pathname.split("/");
    const provider = byKey.get(key);
    if (!provider) return send(res, { status: 404, body: { error: `no sandbox provider "${key}"` } });
    const request: SandboxRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: `/${rest.join("/")}`,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
    };
    const fault = faults.take(provider.key, request.method, request.path);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.dropConnection) return void req.socket.destroy();
    const response = fault
      ? { status: fault.status, headers: fault.headers, body: fault.body }
      : await provider.handle(request);
    record(provider.key, request, response.status);
    send(res, response);
  }

  function record(provider: string, request: SandboxRequest, status: number) {
    log.push({
      at: new Date().toISOString(),
      provider,
      method: request.method,
      path: request.path,
      query: request.query.toString(),
      status,
      body: request.rawBody.toString("utf8"),
    });
    if (log.length > logLimit) log.splice(0, log.length - logLimit);
  }

  async function admin(method: string, url: URL, rawBody: Buffer): Promise<SandboxResponse> {
    const route = `${method} ${url.pathname}`;
    const resend = /^POST \/_sandbox\/webhooks\/([^/]+)\/resend$/.exec(route);
    if (resend) {
      const delivery = context.outbox.resend(decodeURIComponent(resend[1] ?? ""));
      return delivery ? { status: 201, body: delivery } : { status: 404, body: { error: "no such webhook delivery" } };
    }
    const providerAction = /^POST \/_sandbox\/([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(route);
    const scripted = providerAction ? byKey.get(providerAction[1] ?? "") : undefined;
    if (providerAction && scripted) {
      if (!scripted.admin) return { status: 404, body: { error: `sandbox "${scripted.key}" has no scripted actions` } };
      const body = parseJsonOrEmpty(rawBody);
      if (body === undefined) return { status: 400, body: { error: "the action body must be JSON" } };
      return scripted.admin(providerAction[2] ?? "", body);
    }
    switch (route) {
      case "GET /_sandbox/health":
        return { status: 200, body: { status: "ok", providers: [...byKey.keys()] } };
      case "POST /_sandbox/reset":
        for (const provider of byKey.values()) provider.reset();
        context.outbox.reset();
        clock.reset();
        faults.clear();
        log.length = 0;
        return { status: 200, body: { reset: true } };
      case "GET /_sandbox/requests": {
        const provider = url.searchParams.get("provider");
        return { status: 200, body: provider ? log.filter((entry) => entry.provider === provider) : log };
      }
      case "POST /_sandbox/faults": {
        const fault = parseFault(rawBody, byKey);
        if (typeof fault === "string") return { status: 400, body: { error: fault } };
        faults.add(fault);
        return { status: 201, body: { pending: faults.pending().length } };
      }
      case "GET /_sandbox/clock":
        return { status: 200, body: { now: clock.now().toISOString() } };
      case "POST /_sandbox/clock": {
        const body = parseJsonOrEmpty(rawBody) as { advanceMs?: unknown; set?: unknown } | undefined;
        if (typeof body?.advanceMs === "number") clock.advance(body.advanceMs);
        else if (typeof body?.set === "string" && !Number.isNaN(Date.parse(body.set))) clock.set(new Date(body.set));
        else return { status: 400, body: { error: "send {advanceMs: number} or {set: ISO date}" } };
        for (const provider of byKey.values()) await provider.admin?.("tick", {});
        return { status: 200, body: { now: clock.now().toISOString() } };
      }
      case "GET /_sandbox/webhooks": {
        const provider = url.searchParams.get("provider") ?? undefined;
        return { status: 200, body: context.outbox.list(provider) };
      }
      case "GET /_sandbox/state": {
        const provider = byKey.get(url.searchParams.get("provider") ?? "");
        if (!provider) return { status: 404, body: { error: "unknown provider" } };
        return { status: 200, body: provider.state() };
      }
      default:
        return { status: 404, body: { error: `no admin route ${route}` } };
    }
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host}:${address.port}`;
  for (const provider of byKey.values()) await provider.listen?.();
  return {
    url: baseUrl,
    faults,
    context,
    providers: byKey,
    requests: () => log,
    close: async () => {
      for (const provider of byKey.values()) await provider.close?.();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

function parseFault(rawBody: Buffer, providers: Map<string, SandboxProvider>): Fault | string {
  let fault: Partial<Fault>;
  try {
    fault = JSON.parse(rawBody.toString("utf8")) as Partial<Fault>;
  } catch {
    return "the fault must be a JSON object";
  }
  if (typeof fault.provider !== "string" || !providers.has(fault.provider))
    return "fault.provider must name a mounted provider";
  if (typeof fault.status !== "number" || fault.status < 100 || fault.status > 599)
    return "fault.status must be an HTTP status";
  return { times: 1, ...fault } as Fault;
}

/** An empty body is `{}`; anything else must be JSON (undefined when it is not). */
function parseJsonOrEmpty(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return {};
  try {
    return JSON.parse(rawBody.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, response: SandboxResponse) {
  if (res.headersSent) return;
  const isRaw = typeof response.body === "string" || Buffer.isBuffer(response.body);
  const headers = { ...(isRaw ? {} : { "content-type": "application/json" }), ...response.headers };
  res.writeHead(response.status, headers);
  if (response.body === undefined) return void res.end();
  res.end(isRaw ? (response.body as string | Buffer) : JSON.stringify(response.body));
}
