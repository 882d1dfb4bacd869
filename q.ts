import { startEmbeddedPostgres } from "@handoff/db/embedded-postgres";
import pg from "pg";
const s = await startEmbeddedPostgres({ dataDir: ".bench/data", port: 54478 });
const c = new pg.Client(s.connectionString); await c.connect();
const ws = (await c.query("select id from workspaces where name = 'Benchmark history'")).rows[0].id;
const q = `explain (analyze, buffers) select r.id, r.flow_id, f.name as flow_name, v.number as version, r.status, r.trigger_summary, r.created_at, r.finished_at, r.replay_of_run_id
      from flow_runs r join flows f on f.id = r.flow_id left join flow_versions v on v.id = r.flow_version_id
     where r.workspace_id = $1 and ($2::uuid is null or r.flow_id = $2::uuid) and ($3::text is null or r.status = $3::run_status)
       and ($4::text is null or r.business_keys @> array[$4::text])
       and ($5::timestamptz is null or (r.created_at, r.id) < ($5::timestamptz, $6::uuid))
     order by r.created_at desc, r.id desc limit 50`;
console.log((await c.query(q, [ws, null, null, null, null, null])).rows.map((r) => r["QUERY PLAN"]).join("\n"));
await c.end(); await s.stop();
