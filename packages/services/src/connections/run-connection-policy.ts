import { ConnectorError } from "@handoff/connector-sdk";
import { type Database, sql } from "@handoff/db";

export interface RunConnectionCheck {
  db: Pick<Database, "execute">;
  workspaceId: string;
  runId: string;
  connection: { name: string; environment: "test" | "live" };
}

/**
 * Test vs live, decided before any credential is opened:
 *
 * - A *test* connection may be used by any run.
 * - A *live* connection acts on real customers, so only what the owner published and left running
 *   may use it:
 *   - never by an editor test run (`is_test`);
 *   - never while the flow is paused or deleted (a run resumed, retried or replayed then fails
 *     for good with a message, and can be retried once the flow is active again);
 *   - only on a version that was the flow's published version when the run was created — the
 *     current one, or an older one for a run that was already under way when a new version was
 *     published (a delayed or retried run finishes on the version it started on);
 *   - a replay is the exception to the previous rule: a person deliberately re-running a past run
 *     of an active flow gets the version that run pinned, however old.
 *
 * Every refusal is final: retrying without a person changing something would fail the same way.
 */
export async function assertRunMayUseConnection({ db, workspaceId, runId, connection }: RunConnectionCheck) {
  if (connection.environment === "test") return;
  const refuse = (message: string) => new ConnectorError({ code: "validation", kind: "final", message });
  const result = await db.execute<{
    is_test: boolean;
    is_replay: boolean;
    flow_status: "active" | "paused";
    flow_deleted: boolean;
    version_number: number | null;
    is_current: boolean;
    superseded_before_run: boolean;
  }>(sql`
    select r.is_test,
           r.replay_of_run_id is not null as is_replay,
           f.status as flow_status,
           f.deleted_at is not null as flow_deleted,
           v.number as version_number,
           coalesce(r.flow_version_id = f.current_version_id, false) as is_current,
           exists (select 1 from flow_versions later
                    where later.flow_id = r.flow_id and later.number > v.number
                      and later.created_at <= r.created_at) as superseded_before_run
      from flow_runs r
      join flows f on f.id = r.flow_id
      left join flow_versions v on v.id = r.flow_version_id
     where r.id = ${runId} and r.workspace_id = ${workspaceId}`);
  const run = result.rows[0];
  if (!run) throw refuse(`Run ${runId} was not found in this workspace`);
  const live = `the live connection "${connection.name}"`;
  if (run.is_test) throw refuse(`Test runs use test connections; "${connection.name}" is live`);
  if (run.flow_deleted) throw refuse(`The flow was deleted, so its runs may not use ${live}`);
  if (run.flow_status !== "active") {
    throw refuse(`The flow is paused, so its runs may not use ${live}; resume the flow, then retry`);
  }
  if (run.version_number === null) throw refuse(`This run has no published version, so it may not use ${live}`);
  if (!run.is_current && run.superseded_before_run && !run.is_replay) {
    throw refuse(
      `This run is on version ${run.version_number}, which was not the flow's published version when it started, so it may not use ${live}`,
    );
  }
}
