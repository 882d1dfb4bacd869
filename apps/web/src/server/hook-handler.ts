import type { IncomingMessage, ServerResponse } from "node:http";
import type { SecretBox } from "@handoff/auth";
import type { Database } from "@handoff/db";
import { ingestAppWebhookEvent, ingestWebhookEvent } from "@handoff/services";

export const HOOK_PATH = /^\/api\/hooks\/([A-Za-z0-9_-]{1,64})\/?(?:\?.*)?$/;

/** One URL per provider app (HubSpot), fanned out to every flow subscribed through that app. */
export const APP_HOOK_PATH = /^\/api\/hooks\/apps\/([A-Za-z0-9_-]{1,64})\/?(?:\?.*)?$/;

export interface HookHandlerOptions {
  db: Database;
  secretBox: SecretBox;
  maxBodyBytes: number;
  /** Base of the URL providers call, for signatures that cover it; the Host header otherwise. */
  publicUrl?: string;
  onError?: (hookId: string, error: unknown) => void;
}

/**
 * `POST /api/hooks/:hookId`, served before Next.js: webhooks are the hot path (thousands a second
 * in a busy season), and a plain handler spends nothing on rendering machinery. It replies only
 * after the event, its run and its job are committed.
 */
export function createHookHandler({ db, secretBox, maxBodyBytes, publicUrl, onError = () => {} }: HookHandlerOptions) {
  return async function handleHookRequest(req: IncomingMessage, res: ServerResponse, hookId: string): Promise<void> {
    const rawBody = await readBodyWithin(req, maxBodyBytes);
    try {
      const outcome = await ingestWebhookEvent({
        db,
        secretBox,
        hookId,
        method: req.method ?? "POST",
        url: new URL(req.url ?? "/", publicUrl ?? `http://${req.headers.host ?? "localhost"}`).toString(),
        headers: req.headers,
        rawBody,
        maxBodyBytes,
      });
      const { status, ...rest } = outcome;
      const body = rest.outcome === "rejected" ? { error: rest.reason, eventId: rest.eventId ?? null } : rest;
      send(res, status, body, status === 413);
    } catch (error) {
      // Not acknowledged, so the provider delivers it again: nothing accepted is lost.
      onError(hookId, error);
      send(res, 503, { error: "Handoff could not record the event; retry later" });
    }
  };
}

/** `POST /api/hooks/apps/:appKey`, served before Next.js like the per-flow hooks. */
export function createAppHookHandler({
  db,
  secretBox,
  maxBodyBytes,
  publicUrl,
  onError = () => {},
}: HookHandlerOptions) {
  return async function handleAppHookRequest(req: IncomingMessage, res: ServerResponse, appKey: string) {
    const rawBody = await readBodyWithin(req, maxBodyBytes);
    try {
      const outcome = await ingestAppWebhookEvent({
        db,
        secretBox,
        appKey,
        method: req.method ?? "POST",
        url: new URL(req.url ?? "/", publicUrl ?? `http://${req.headers.host ?? "localhost"}`).toString(),
        headers: req.headers,
        rawBody,
        maxBodyBytes,
      });
      const body =
        outcome.status === 404
          ? { error: `No flow listens through app ${appKey}` }
          : { flows: outcome.flows.map(({ flowId, outcome: flowOutcome }) => ({ flowId, ...flowOutcome })) };
      send(res, outcome.status, body);
    } catch (error) {
      onError(appKey, error);
      send(res, 503, { error: "Handoff could not record the event; retry later" });
    }
  };
}

/** The body, or null once it passes the limit (the rest is not read: the answer is 413). */
function readBodyWithin(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(null);
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
