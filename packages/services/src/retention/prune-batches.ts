import { type Database, sql } from "@handoff/db";
import { toTextArray } from "../ingest/enqueue-run";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * One batch is one short transaction: it never waits long for a lock (rows another transaction
 * holds are skipped, a table lock it cannot get in a moment fails the batch rather than queueing
 * behind it), so the history stays writable while it is pruned.
 */
async function inShortTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local lock_timeout = '2s'`);
    await tx.execute(sql`set local statement_timeout = '60s'`);
    return work(tx);
  });
}

export interface RunBatchOptions {
  db: Database;
  workspaceId: string;
  statuses: readonly string[];
  createdBefore: Date;
  batchSize: number;
}

/**
 * Deletes up to `batchSize` finished runs of these statuses created before the cutoff; returns
 * how many went. Their steps go with them (cascade), identity reviews keep their row with the run
 * link cleared (set null), needs-attention notes about them go too. A run that a replay still
 * points at stays until its replay is gone (`replay_of_run_id` has no foreign key, so nothing
 * would stop the link from dangling). Audit rows are never touched: they name runs by id only.
 */
export async function deleteRunBatch({ db, workspaceId, statuses, createdBefore, batchSize }: RunBatchOptions) {
  return inShortTransaction(db, async (tx) => {
    const result = await tx.execute<{ id: string }>(sql`
      with doomed as (
        select r.id
          from flow_runs r
         where r.workspace_id = ${workspaceId}
           and r.status = any(${toTextArray([...statuses])}::run_status[])
           and r.created_at < ${createdBefore.toISOString()}::timestamptz
           and not exists (select 1 from flow_runs replay where replay.replay_of_run_id = r.id)
         limit ${batchSize}
         for update of r skip locked
      ),
      notes as (
        delete from attention_notes n using doomed d where n.kind = 'run' and n.ref_id = d.id
      )
      delete from flow_runs r using doomed d where r.id = d.id
      returning r.id`);
    return result.rows.length;
  });
}

export interface EventBatchOptions {
  db: Database;
  workspaceId: string;
  receivedBefore: Date;
  batchSize: number;
}

/**
 * Deletes up to `batchSize` trigger events no run refers to (rejected and ignored deliveries, and
 * those whose runs were pruned) received before the cutoff, with their needs-attention notes.
 * Read through the flows' (flow, received_at) index.
 */
export async function deleteEventBatch({ db, workspaceId, receivedBefore, batchSize }: EventBatchOptions) {
  return inShortTransaction(db, async (tx) => {
    const result = await tx.execute<{ id: string }>(sql`
      with doomed as (
        select e.id
          from trigger_events e
         where e.flow_id in (select f.id from flows f where f.workspace_id = ${workspaceId})
           and e.workspace_id = ${workspaceId}
           and e.received_at < ${receivedBefore.toISOString()}::timestamptz
           and not exists (select 1 from flow_runs r where r.trigger_event_id = e.id)
         limit ${batchSize}
         for update of e skip locked
      ),
      notes as (
        delete from attention_notes n using doomed d where n.kind = 'rejected_delivery' and n.ref_id = d.id
      )
      delete from trigger_events e using doomed d where e.id = d.id
      returning e.id`);
    return result.rows.length;
  });
}
