import { type Database, sql } from "@handoff/db";
import { NotFoundError } from "../flows/errors";

/** What the queue shows of a refused delivery: enough to tell a vendor test from an attack. */
export interface RejectedDelivery {
  id: string;
  flowId: string;
  flowName: string | null;
  /** e.g. "401: Bad signature". */
  reason: string | null;
  receivedAt: string;
  headers: { name: string; value: string }[];
  /** The start of the body as received, as text; null when none was kept (empty, or too large). */
  bodyPreview: string | null;
  bodyTruncated: boolean;
}

export const DELIVERY_BODY_PREVIEW_CHARS = 4_000;

// Ingest never stores these, but a delivery recorded before that rule (or by another path) might
// hold one: a signature or token shown in the browser is a credential handed out.
const CREDENTIAL_HEADER = /^(authorization|cookie|proxy-authorization)$|signature|secret|token|api-key/i;
export const REDACTED = "[redacted]";

/** Header names sorted, credential-like values replaced by a marker (the name still tells what came). */
export function redactDeliveryHeaders(headers: unknown): { name: string; value: string }[] {
  if (!headers || typeof headers !== "object" || Array.isArray(headers)) return [];
  return Object.entries(headers as Record<string, unknown>)
    .map(([name, value]) => ({
      name,
      value: CREDENTIAL_HEADER.test(name) ? REDACTED : typeof value === "string" ? value : JSON.stringify(value),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A refused delivery keeps its raw body as `{rawBody}`; anything else is shown as JSON. */
function bodyText(payload: unknown): string | null {
  if (payload === null || payload === undefined) return null;
  if (typeof payload === "object" && !Array.isArray(payload) && "rawBody" in payload) {
    const raw = (payload as { rawBody: unknown }).rawBody;
    return typeof raw === "string" ? raw : null;
  }
  return JSON.stringify(payload, null, 2);
}

/** One rejected delivery of the workspace, for the needs-attention queue. */
export async function getRejectedDelivery({
  db,
  workspaceId,
  id,
}: {
  db: Database;
  workspaceId: string;
  id: string;
}): Promise<RejectedDelivery> {
  const found = await db.execute<{
    id: string;
    flow_id: string;
    flow_name: string | null;
    rejection_reason: string | null;
    received_at: string;
    headers: unknown;
    payload: unknown;
  }>(sql`
    select e.id, e.flow_id, f.name as flow_name, e.rejection_reason, e.received_at, e.headers, e.payload
      from trigger_events e left join flows f on f.id = e.flow_id
     where e.id = ${id} and e.workspace_id = ${workspaceId} and e.status = 'rejected'`);
  const row = found.rows[0];
  if (!row) throw new NotFoundError(`No rejected delivery ${id} in this workspace`);
  const body = bodyText(row.payload);
  return {
    id: row.id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    reason: row.rejection_reason,
    receivedAt: new Date(row.received_at).toISOString(),
    headers: redactDeliveryHeaders(row.headers),
    bodyPreview: body === null ? null : body.slice(0, DELIVERY_BODY_PREVIEW_CHARS),
    bodyTruncated: body !== null && body.length > DELIVERY_BODY_PREVIEW_CHARS,
  };
}
