import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../flows/errors";
import { BOB, type CustomerFixtures, JANE, seedCustomerFixtures, WALK_IN } from "./customer-fixtures";
import { eraseCustomer } from "./erase-customer";
import { ErasureRefusedError } from "./errors";
import { exportCustomer } from "./export-customer";

/** Every way Jane appears in the seeded data: her email in any case, her phone as stored and as typed. */
const JANE_TRACES = [JANE.email, "Jane.Roe@Example.test", JANE.phone, JANE.nationalPhone, JANE.name, "Roe"];

describe("erasing one customer against a real database", () => {
  let database: TestDatabase;
  let fixtures: CustomerFixtures;
  beforeAll(async () => {
    database = await createTestDatabase();
    fixtures = await seedCustomerFixtures(database);
  });
  afterAll(() => database.destroy());

  const erase = (options: { query?: string; confirmation?: string; reason?: string } = {}) =>
    eraseCustomer({
      db: database.db,
      workspaceId: fixtures.workspaceId,
      query: options.query ?? JANE.email,
      confirmation: options.confirmation ?? JANE.email,
      reason: options.reason ?? "Customer request by phone, 1 March 2026",
      actorUserId: null,
    });

  /** The rows of some runs, their steps and trigger events, as JSON text, for searching. */
  async function rowsText(runIds: readonly string[]) {
    const { rows } = await database.pool.query<{ runs: string; steps: string; events: string }>(
      `select (select coalesce(json_agg(r order by r.id), '[]')::text from flow_runs r where r.id = any($1::uuid[])) as runs,
              (select coalesce(json_agg(s order by s.id), '[]')::text from step_runs s where s.run_id = any($1::uuid[])) as steps,
              (select coalesce(json_agg(e order by e.id), '[]')::text from trigger_events e
                where e.id in (select trigger_event_id from flow_runs where id = any($1::uuid[]))) as events`,
      [runIds],
    );
    const row = rows[0];
    if (!row) throw new Error("no row");
    return row;
  }

  const tracesIn = (text: string) => JANE_TRACES.filter((trace) => text.toLowerCase().includes(trace.toLowerCase()));

  it("refuses without a reason, or when the email typed again does not match, changing nothing", async () => {
    await expect(erase({ reason: "  " })).rejects.toThrow(ErasureRefusedError);
    const mismatch = await erase({ confirmation: BOB.email }).catch((error: unknown) => error);
    expect(mismatch).toBeInstanceOf(ErasureRefusedError);
    expect((mismatch as Error).message).toBe("The confirmation does not match the customer's email; type it exactly");
    const before = await rowsText(fixtures.janeRunIds);
    expect(tracesIn(before.runs + before.steps + before.events)).not.toEqual([]);
    const { rows } = await database.pool.query("select 1 from customers where id = $1", [fixtures.janeId]);
    expect(rows).toHaveLength(1);
  });

  it("redacts her runs, deletes her reviews, links and row, and leaves others' data untouched", async () => {
    const bobBefore = await rowsText([fixtures.bobRunId]);
    const otherWorkspaceBefore = await rowsText([fixtures.otherWorkspaceRunId]);
    const statusesBefore = await database.pool.query(
      "select id, status, flow_id, flow_version_id, created_at, finished_at from flow_runs order by id",
    );

    // An edited replay put her email in the audit trail; Bob's stays as it is.
    const audit = (email: string) =>
      database.pool.query<{ id: number }>(
        `insert into audit_log (workspace_id, action, target_type, target_id, before, after, reason)
         values ($1, 'run.replay_payload_edited', 'run', 'r1', $2, $3, 'typo in the email') returning id`,
        [
          fixtures.workspaceId,
          JSON.stringify({ payload: { email: email.toUpperCase() } }),
          JSON.stringify({ payload: { email } }),
        ],
      );
    const janeAudit = (await audit(JANE.email)).rows[0]?.id;
    const bobAudit = (await audit("bob@example.test")).rows[0]?.id;

    // Found by phone, confirmed with her email typed differently: both are normalised.
    const erased = await erase({ query: JANE.nationalPhone, confirmation: " JANE.ROE@example.test" });
    expect(erased).toEqual({
      customerId: fixtures.janeId,
      counts: { runs: 4, steps: 5, triggerEvents: 3, identityReviews: 3, links: 2, customers: 1, auditRows: 1 },
    });
    const audited = await database.pool.query<{ id: number; action: string; before: unknown; after: unknown }>(
      "select id, action, before, after from audit_log where id = any($1) order by id",
      [[janeAudit, bobAudit]],
    );
    expect(audited.rows[0]).toMatchObject({
      action: "run.replay_payload_edited",
      before: { redacted: true },
      after: { redacted: true },
    });
    expect(audited.rows[1]?.after).toEqual({ payload: { email: "bob@example.test" } });

    const after = await rowsText(fixtures.janeRunIds);
    expect(tracesIn(after.runs)).toEqual([]);
    expect(tracesIn(after.steps)).toEqual([]);
    expect(tracesIn(after.events)).toEqual([]);
    for (const id of [JANE.hubspotId, JANE.stripeId]) expect(after.runs + after.steps + after.events).not.toContain(id);

    const { rows: runs } = await database.pool.query<{
      trigger_summary: string;
      business_keys: string[];
      error: unknown;
    }>("select trigger_summary, business_keys, error from flow_runs where id = any($1::uuid[]) order by created_at", [
      fixtures.janeRunIds,
    ]);
    expect(runs.map((run) => run.trigger_summary)).toEqual(["[erased]", "[erased]", "[erased]", "[erased]"]);
    expect(runs.every((run) => run.business_keys.length === 0)).toBe(true);
    // Only the failed run had an error: the others keep null rather than gaining a marker.
    expect(runs.map((run) => run.error)).toEqual([
      null,
      { redacted: true, reason: "customer erased", at: expect.any(String) },
      null,
      null,
    ]);
    const { rows: steps } = await database.pool.query<{
      node_id: string;
      input: unknown;
      output: unknown;
      error: unknown;
    }>("select node_id, input, output, error from step_runs where run_id = $1 order by id", [fixtures.janeRunIds[1]]);
    expect(steps).toEqual([
      {
        node_id: "contact",
        input: expect.objectContaining({ redacted: true }),
        output: null,
        error: expect.objectContaining({ redacted: true }),
      },
    ]);

    // Ids, statuses, flows, versions and timings are kept, so counts and lag stay true.
    const statusesAfter = await database.pool.query(
      "select id, status, flow_id, flow_version_id, created_at, finished_at from flow_runs order by id",
    );
    expect(statusesAfter.rows).toEqual(statusesBefore.rows);

    expect(await rowsText([fixtures.bobRunId])).toEqual(bobBefore);
    expect(await rowsText([fixtures.otherWorkspaceRunId])).toEqual(otherWorkspaceBefore);

    const { rows: reviews } = await database.pool.query<{ id: string }>("select id from identity_reviews");
    expect(reviews.map((review) => review.id)).toEqual([fixtures.reviewIds.bob]);
    const { rows: left } = await database.pool.query(
      "select 1 from customers where id = $1 union all select 1 from customer_links where customer_id = $1",
      [fixtures.janeId],
    );
    expect(left).toEqual([]);
  });

  it("audits the erasure with the customer id, counts and reason, without her personal data", async () => {
    const { rows } = await database.pool.query<{ target_id: string; before: unknown; after: unknown; reason: string }>(
      "select target_id, before, after, reason from audit_log where action = 'customer.erased'",
    );
    expect(rows).toEqual([
      {
        target_id: fixtures.janeId,
        before: { customerId: fixtures.janeId, counts: { runs: 4, identityReviews: 3, links: 2 } },
        after: {
          erased: { runs: 4, steps: 5, triggerEvents: 3, identityReviews: 3, links: 2, customers: 1, auditRows: 1 },
        },
        reason: "Customer request by phone, 1 March 2026",
      },
    ]);
    expect(tracesIn(JSON.stringify(rows))).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain(JANE.hubspotId);
  });

  it("leaves nothing to find or export afterwards", async () => {
    const exported = exportCustomer({
      db: database.db,
      workspaceId: fixtures.workspaceId,
      query: JANE.email,
      actorUserId: null,
    });
    await expect(exported).rejects.toBeInstanceOf(NotFoundError);
    await expect(erase()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("erases a person who is in runs only, confirmed by the email searched", async () => {
    const erased = await erase({ query: WALK_IN.email, confirmation: WALK_IN.email });
    expect(erased).toEqual({
      customerId: null,
      counts: { runs: 1, steps: 0, triggerEvents: 1, identityReviews: 0, links: 0, customers: 0, auditRows: 0 },
    });
    const after = await rowsText([fixtures.walkInRunId]);
    expect(after.runs + after.events).not.toContain(WALK_IN.email);
    const { rows } = await database.pool.query<{ before: unknown }>(
      "select before from audit_log where action = 'customer.erased' and target_id is null",
    );
    expect(JSON.stringify(rows)).not.toContain(WALK_IN.email);
  });
});
