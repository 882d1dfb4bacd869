import type { NormalizedIdentityKeys } from "@handoff/connector-sdk";
import { type Database, sql } from "@handoff/db";

/**
 * The conflict a person settled with "none of these — create new" for exactly these keys in this
 * provider, if the latest settled one says so. Keys compare as the review stored them (normalised
 * email and phone; the name is never an identity key), so a booking with one more or one fewer key
 * is a different question and is matched as usual.
 */
export async function decidedNewFor({
  db,
  workspaceId,
  provider,
  keys,
}: {
  db: Pick<Database, "execute">;
  workspaceId: string;
  provider: string;
  keys: NormalizedIdentityKeys;
}): Promise<{ reviewId: string } | undefined> {
  if (!keys.email && !keys.phone) return undefined;
  const found = await db.execute<{ id: string; decision: string }>(sql`
    select id, decision from identity_reviews
     where workspace_id = ${workspaceId} and provider = ${provider}
       and status = 'resolved' and decision is not null
       and keys->>'email' is not distinct from ${keys.email ?? null}::text
       and keys->>'phone' is not distinct from ${keys.phone ?? null}::text
     order by resolved_at desc
     limit 1`);
  const latest = found.rows[0];
  return latest?.decision === "create_new" ? { reviewId: latest.id } : undefined;
}
