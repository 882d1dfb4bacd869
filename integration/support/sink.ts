import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface SinkCall {
  at: number;
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  body: string;
  status: number;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A local stand-in for a provider API. Like Stripe, it honours `Idempotency-Key`: a repeated key
 * replays the first answer and has no second effect. `effects` is what the outside world saw.
 */
export async function startSink({ latencyMs = 0 }: { latencyMs?: number } = {}) {
  const calls: SinkCall[] = [];
  const effects: SinkCall[] = [];
  const replies = new Map<string, ScriptedResponse>();
  const scripts = new Map<string, ScriptedResponse[]>();

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    // A provider takes a while to answer; a slow sink keeps jobs in flight long enough to kill them.
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const path = req.url ?? "/";
    const key = req.headers["idempotency-key"] as string | undefined;
    const replay = key ? replies.get(key) : undefined;
    const reply = replay ?? scripts.get(path)?.shift() ?? { status: 200, body: { ok: true, path } };
    const call = { at: Date.now(), method: req.method ?? "GET", path, idempotencyKey: key, body, status: reply.status };
    calls.push(call);
    if (!replay && reply.status < 300) {
      effects.push(call);
      if (key) replies.set(key, reply);
    }
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    effects,
    /** The next answers for a path, in order; afterwards it answers 200 again. */
    script(path: string, responses: ScriptedResponse[]) {
      scripts.set(path, [...(scripts.get(path) ?? []), ...responses]);
    },
    effectsAt: (path: string) => effects.filter((call) => call.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Sink = Awaited<ReturnType<typeof startSink>>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
