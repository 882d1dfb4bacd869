import type { TestDatabase } from "@handoff/db/testing";

/** Test-only: rows as the ingest code and the engine write them, with chosen times. */
export interface SeededRun {
  workspaceId: string;
  flowId: string;
  status: string;
  createdAt: string;
  isTest?: boolean;
  businessKeys?: string[];
  /** Stored as the run's trigger event, as ingest stores a delivery. */
  payload?: unknown;
  summary?: string;
  error?: unknown;
  replayOf?: string;
}

export function reviewFixtures(database: TestDatabase) {
  async function seedRun(run: SeededRun): Promise<string> {
    let eventId: string | null = null;
    if (run.payload !== undefined) {
      const event = await database.pool.query<{ id: string }>(
        `insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload, received_at)
         values ($1, $2, gen_random_uuid()::text, 'accepted', $3, $4) returning id`,
        [run.workspaceId, run.flowId, JSON.stringify(run.payload), run.createdAt],
      );
      eventId = event.rows[0]?.id ?? null;
    }
    const inserted = await database.pool.query<{ id: string }>(
      `insert into flow_runs (workspace_id, flow_id, trigger_event_id, status, is_test, business_keys,
                              trigger_summary, error, replay_of_run_id, created_at, started_at, finished_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10) returning id`,
      [
        run.workspaceId,
        run.flowId,
        eventId,
        run.status,
        run.isTest ?? false,
        run.businessKeys ?? [],
        run.summary ?? "",
        run.error === undefined ? null : JSON.stringify(run.error),
        run.replayOf ?? null,
        run.createdAt,
      ],
    );
    const id = inserted.rows[0]?.id;
    if (!id) throw new Error("run not inserted");
    return id;
  }

  async function seedStep(runId: string, nodeId: string, status: string, output: unknown, at: string) {
    await database.pool.query(
      `insert into step_runs (run_id, step_key, node_id, status, output, started_at, finished_at)
       values ($1, $2, $2, $3, $4, $5, $5)`,
      [runId, nodeId, status, JSON.stringify(output), at],
    );
  }

  return { seedRun, seedStep };
}
