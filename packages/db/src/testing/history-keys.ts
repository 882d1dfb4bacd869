import { sql } from "drizzle-orm";
import type { Database } from "../client";

/** Business keys that seeded live runs carry, by kind: what a bookkeeper would search for. */
export interface HistoryKeys {
  emails: string[];
  phones: string[];
  invoiceNumbers: string[];
  bookingUids: string[];
  dealIds: string[];
}

/**
 * Up to `perKind` distinct keys of each kind from a random sample of the workspace's live runs
 * (a block sample: reading a million rows to pick a few hundred keys would be the slow part).
 */
export async function sampleHistoryKeys({
  db,
  workspaceId,
  perKind = 200,
}: {
  db: Database;
  workspaceId: string;
  perKind?: number;
}): Promise<HistoryKeys> {
  const held = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from flow_runs where workspace_id = ${workspaceId}`,
  );
  // Enough blocks for about twenty runs per wanted key.
  const percent = Math.min(100, Math.max(0.01, (perKind * 20 * 100) / Math.max(1, held.rows[0]?.n ?? 1)));
  const rows = await db.execute<{ kind: string; keys: string[] }>(sql`
    select kind, (array_agg(key order by random()))[1:${perKind}] as keys
      from (
        select distinct key,
               case when key like '%@%' then 'email'
                    when key like '+%' then 'phone'
                    when key like 'INV-%' then 'invoice'
                    when key ~ '^[0-9]{11}$' then 'deal'
                    when key ~ '^[0-9a-f]{22}$' then 'booking'
               end as kind
          from flow_runs r tablesample system (${percent}), unnest(r.business_keys) as key
         where r.workspace_id = ${workspaceId} and not r.is_test
      ) keys
     where kind is not null
     group by kind`);
  const byKind = new Map(rows.rows.map((row) => [row.kind, row.keys]));
  const keysOf = (kind: string) => byKind.get(kind) ?? [];
  return {
    emails: keysOf("email"),
    phones: keysOf("phone"),
    invoiceNumbers: keysOf("invoice"),
    bookingUids: keysOf("booking"),
    dealIds: keysOf("deal"),
  };
}
