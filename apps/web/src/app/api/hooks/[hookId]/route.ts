import { ingestWebhookEvent } from "@handoff/services";
import { readWebEnv } from "~/env";
import { getDb } from "~/server/db";
import { getSecretBox } from "~/server/secret-box";

export const dynamic = "force-dynamic";

/**
 * The same ingest as the plain handler in server.ts, for `next dev` and any deployment that runs
 * Next.js without Handoff's server. In production the plain handler answers first.
 */
export async function POST(request: Request, { params }: { params: Promise<{ hookId: string }> }) {
  const { hookId } = await params;
  const env = readWebEnv();
  const body = Buffer.from(await request.arrayBuffer());
  const outcome = await ingestWebhookEvent({
    db: getDb(),
    secretBox: getSecretBox(),
    hookId,
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    rawBody: body.length > env.HANDOFF_MAX_HOOK_BODY_BYTES ? null : body,
    maxBodyBytes: env.HANDOFF_MAX_HOOK_BODY_BYTES,
  });
  const payload =
    outcome.outcome === "rejected" ? { error: outcome.reason, eventId: outcome.eventId ?? null } : outcome;
  return Response.json(payload, { status: outcome.status });
}
