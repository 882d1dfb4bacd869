import type { Database } from "@handoff/db";
import { sql } from "@handoff/db";
import { postEvents } from "../load";
import { percentiles, round } from "../stats";

/** Scenario 3: webhooks accepted per second with no worker running; every 202 must be in the database. */
export async function ingestScenario({
  db,
  hookUrl,
  flowId,
  seconds,
}: {
  db: Database;
  hookUrl: string;
  flowId: string;
  seconds: number;
}) {
  const answeredAt = new Map<string, number>();
  const sentAt = new Map<string, number>();
  let accepted = 0;
  let next = 0;
  const prefix = `in-${Date.now()}-`;
  await postEvents({
    url: hookUrl,
    durationSeconds: seconds,
    connections: 32,
    nextId: () => `${prefix}${next++}`,
    onSent: (id, at) => sentAt.set(id, at),
    onAnswer: (id, status, at) => {
      if (status !== 202) return;
      accepted += 1;
      answeredAt.set(id, at);
    },
  });
  // Every id answered 202 must have its event stored (requests still in flight at the end may add more).
  const acceptedIds = [...answeredAt.keys()];
  const stored = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from trigger_events
     where flow_id = ${flowId} and status = 'accepted' and payload->>'id' = any(${`{${acceptedIds.join(",")}}`}::text[])`);
  const latencies = [...answeredAt].map(([id, at]) => at - (sentAt.get(id) ?? at));
  return {
    ingest_accepted_per_s: round(accepted / seconds, 1),
    ingest_p99_ms: percentiles(latencies).p99,
    ingest_missing_in_db: accepted - (stored.rows[0]?.n ?? 0),
  };
}
