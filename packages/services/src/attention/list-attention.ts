import { type Database, sql } from "@handoff/db";

export type AttentionKind = "run" | "identity_review" | "rejected_delivery";

export interface AttentionItem {
  kind: AttentionKind;
  /** The run, identity review or trigger event. */
  id: string;
  /** The run itself, the run an identity conflict blocked, or null for a delivery. */
  runId: string | null;
  flowId: string | null;
  flowName: string | null;
  /** One line: the run's trigger summary, the ambiguous keys, the rejection reason. */
  title: string;
  /** The run's error message, the number of candidates, … */
  detail: string | null;
  createdAt: string;
  assignedTo: { userId: string; email: string } | null;
}

/**
 * The needs-attention queue: runs that exhausted their retries (and were neither retried nor
 * replayed since), open identity conflicts, and rejected webhook deliveries — minus what a person
 * dismissed with a reason. Each part is read through its own partial or status index.
 *
 * A run's dismissal or replay only settles the failure it was made for: a run retried since (by
 * anyone, from anywhere) that fails again finished after it, and is back in the queue.
 */
export async function listAttention({
  db,
  workspaceId,
  limit = 200,
}: {
  db: Database;
  workspaceId: string;
  limit?: number;
}): Promise<AttentionItem[]> {
  const result = await db.execute<{
    kind: AttentionKind;
    id: string;
    run_id: string | null;
    flow_id: string | null;
    flow_name: string | null;
    title: string;
    detail: string | null;
    created_at: string;
    assigned_to: string | null;
    assigned_email: string | null;
  }>(sql`
    with items as (
      (select 'run'::attention_kind as kind, r.id, r.id as run_id, r.flow_id, r.trigger_summary as title,
              r.error->>'message' as detail, r.created_at, coalesce(r.finished_at, r.created_at) as failed_at
         from flow_runs r
        where r.workspace_id = ${workspaceId} and r.status = 'needs_attention'
          -- An editor's test run that failed is read in the editor; it needs no one else.
          and not r.is_test
          and not exists (select 1 from flow_runs replay
                           where replay.replay_of_run_id = r.id
                             and replay.created_at >= coalesce(r.finished_at, r.created_at))
        order by r.created_at desc limit ${limit})
      union all
      (select 'identity_review', v.id, v.run_id, r.flow_id,
              'Which ' || v.provider || ' record is ' || coalesce(v.keys->>'email', v.keys->>'phone', v.keys->>'name', 'this customer') || '?',
              jsonb_array_length(v.candidates) || ' possible matches', v.created_at, null
         from identity_reviews v left join flow_runs r on r.id = v.run_id
        where v.workspace_id = ${workspaceId} and v.status = 'open'
        order by v.created_at desc limit ${limit})
      union all
      (select 'rejected_delivery', e.id, null, e.flow_id, 'Rejected delivery', e.rejection_reason, e.received_at, null
         from trigger_events e
        where e.workspace_id = ${workspaceId} and e.status = 'rejected'
        order by e.received_at desc limit ${limit})
    )
    select i.kind, i.id, i.run_id, i.flow_id, f.name as flow_name, i.title, i.detail, i.created_at,
           n.assigned_to, u.email as assigned_email
      from items i
      left join flows f on f.id = i.flow_id
      left join attention_notes n on n.kind = i.kind and n.ref_id = i.id
      left join users u on u.id = n.assigned_to
     where n.dismissed_at is null or n.dismissed_at < i.failed_at
     order by i.created_at desc
     limit ${limit}`);
  return result.rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    runId: row.run_id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    title: row.title,
    detail: row.detail,
    createdAt: new Date(row.created_at).toISOString(),
    assignedTo: row.assigned_to && row.assigned_email ? { userId: row.assigned_to, email: row.assigned_email } : null,
  }));
}

/** The number in the navigation. */
export async function countAttention({ db, workspaceId }: { db: Database; workspaceId: string }): Promise<number> {
  return (await listAttention({ db, workspaceId, limit: 1000 })).length;
}
