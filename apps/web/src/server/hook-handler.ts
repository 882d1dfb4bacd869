import type { IncomingMessage, ServerResponse } from "node:http";
import { ingestWebhookEvent } from "@handoff/services";
import { readWebEnv } from "~/env";
import { getDb } from "./db";
import { getSecretBox } from "./secret-box";

export const HOOK_PATH = /^\/api\/hooks\/([A-Za-z0-9_-]{1,64})\/?(?:\?.*)?$/;

/**
 * `POST /api/hooks/:hookId`, served before Next.js: webhooks are the hot path (thousands a second
 * in a busy season), and a plain handler spends nothing on rendering machinery. Replies only after
 * the event, its run and its job are committed.
 */
export async function handleHookRequest(req: IncomingMessage, res: ServerResponse, hookId: string): Promise<void> {
  const env = readWebEnv();
  const rawBody = await readBodyWithin(req, env.HANDOFF_MAX_HOOK_BODY_BYTES);
  const base = env.HANDOFF_PUBLIC_URL ?? `http://${req.headers.host ?? "localhost"}`;
  try {
    const outcome = await ingestWebhookEvent({
      db: getDb(),
      secretBox: getSecretBox(),
      hookId,
      method: req.method ?? "POST",
      url: new URL(req.url ?? "/", base).toString(),
      headers: req.headers,
      rawBody,
      maxBodyBytes: env.HANDOFF_MAX_HOOK_BODY_BYTES,
    });
    const body =
      outcome.outcome === "rejected"
        ? { error: outcome.reason, eventId: outcome.eventId ?? null }
        : { ...outcome, status: undefined };
    send(res, outcome.status, body, outcome.status === 413);
  } catch (error) {
    // The event is not acknowledged, so the provider retries it: nothing accepted is lost.
    process.stderr.write(`hook ${hookId}: ${error instanceof Error ? error.stack : String(error)}\n`);
    send(res, 503, { error: "Handoff could not record the event; retry later" });
  }
}

/** The body, or null once it passes the limit (the rest is not read: the answer is 413). */
function readBodyWithin(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => !done && resolve(Buffer.concat(chunks)));
    req.on("error", (error) => !done && reject(error));
  });
}

function send(res: ServerResponse, status: number, body: unknown, closeConnection = false) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...(closeConnection ? { connection: "close" } : {}),
  });
  res.end(text);
}
