import { sql } from "@handoff/db";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../flows/errors";
import { type CustomerFixtures, JANE, seedCustomerFixtures, WALK_IN } from "./customer-fixtures";
import { runsMentioning } from "./customer-runs";
import { exportCustomer } from "./export-customer";
import { findCustomer } from "./find-customer";

describe("exporting one customer against a real database", () => {
  let database: TestDatabase;
  let fixtures: CustomerFixtures;
  beforeAll(async () => {
    database = await createTestDatabase();
    fixtures = await seedCustomerFixtures(database);
  });
  afterAll(() => database.destroy());

  const exportOf = (query: string, runLimit?: number) =>
    exportCustomer({
      db: database.db,
      workspaceId: fixtures.workspaceId,
      query,
      actorUserId: null,
      ...(runLimit === undefined ? {} : { runLimit }),
    });

  it("holds exactly her runs (found by email, phone and HubSpot id), newest first, with steps", async () => {
    const exported = await exportOf(JANE.nationalPhone);
    expect(exported.customer?.id).toBe(fixtures.janeId);
    expect(exported.links).toHaveLength(2);
    expect(exported.runs.map((run) => run.id)).toEqual([...fixtures.janeRunIds].reverse());
    expect(exported.runsCapped).toBe(false);
    const booked = exported.runs.find((run) => run.id === fixtures.janeRunIds[0]);
    expect(booked).toMatchObject({
      flowName: "Booking confirmation",
      status: "succeeded",
      businessKeys: ["bk_1", JANE.email],
      triggerPayload: { customer: { phone: JANE.nationalPhone } },
    });
    expect(booked?.steps.map((step) => step.nodeId)).toEqual(["contact", "confirm", "notify"]);
    expect(booked?.steps[1]?.input).toEqual({ to: `${JANE.name} <${JANE.email}>`, subject: "See you Tuesday" });
    expect(exported.runs.find((run) => run.id === fixtures.janeRunIds[1])?.error).toEqual({
      message: `HubSpot refused ${JANE.phone}`,
    });
  });

  it("lists the consent messaging steps recorded, not a consentAt from another kind of step", async () => {
    const exported = await exportOf(JANE.email);
    expect(exported.consents).toEqual([
      { channel: "email", consentAt: JANE.consentAt, runId: fixtures.janeRunIds[0], nodeId: "confirm" },
    ]);
  });

  it("includes the identity reviews about her, not Bob's", async () => {
    const exported = await exportOf(JANE.email);
    expect(exported.identityReviews.map((review) => review.id).sort()).toEqual(
      [fixtures.reviewIds.janeByEmail, fixtures.reviewIds.janeAsCandidate, fixtures.reviewIds.nameOnlyInJaneRun].sort(),
    );
  });

  it("says when the runs were capped", async () => {
    const exported = await exportOf(JANE.email, 2);
    expect(exported.runs.map((run) => run.id)).toEqual([fixtures.janeRunIds[3], fixtures.janeRunIds[2]]);
    expect(exported).toMatchObject({ runsCapped: true, runLimit: 2 });
  });

  it("exports a person who is in runs only", async () => {
    const exported = await exportOf(WALK_IN.email);
    expect(exported).toMatchObject({ customer: null, links: [], identityReviews: [], consents: [] });
    expect(exported.runs.map((run) => run.id)).toEqual([fixtures.walkInRunId]);
  });

  it("refuses to export someone Handoff holds nothing about", async () => {
    await expect(exportOf("nobody@example.test")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("audits each export with the customer id and counts, not the data", async () => {
    await exportOf(JANE.phone);
    const { rows } = await database.pool.query<{ target_id: string; after: unknown }>(
      "select target_id, after from audit_log where action = 'customer.exported' order by id desc limit 1",
    );
    expect(rows[0]).toEqual({
      target_id: fixtures.janeId,
      after: {
        customerId: fixtures.janeId,
        counts: { links: 2, runs: 4, steps: 5, identityReviews: 3, consents: 1 },
        runsCapped: false,
      },
    });
    const text = JSON.stringify(rows[0]);
    for (const personal of [JANE.email, JANE.phone, "Roe", JANE.hubspotId]) expect(text).not.toContain(personal);
  });
});

describe("selecting a customer's runs in a busy workspace", () => {
  let database: TestDatabase;
  let fixtures: CustomerFixtures;
  beforeAll(async () => {
    database = await createTestDatabase();
    fixtures = await seedCustomerFixtures(database);
    await database.pool.query(
      `insert into flow_runs (workspace_id, flow_id, status, business_keys, created_at)
       select workspace_id, flow_id, 'succeeded', array['customer' || i || '@example.test', 'inv-' || i],
              timestamptz '2026-01-01' + (i || ' seconds')::interval
         from flow_runs, generate_series(1, 50000) i
        where id = $1`,
      [fixtures.bobRunId],
    );
    // As autovacuum leaves it: the GIN pending list of the bulk insert merged into the index.
    await database.pool.query("vacuum analyze flow_runs");
  }, 60_000);
  afterAll(() => database.destroy());

  it("answers from the GIN index on business keys, without scanning the history", async () => {
    const subject = await findCustomer({ db: database.db, workspaceId: fixtures.workspaceId, query: JANE.email });
    const explained = await database.db.execute<{ "QUERY PLAN": string }>(sql`explain ${runsMentioning(subject)}`);
    const plan = explained.rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toContain("flow_runs_business_keys_idx");
    expect(plan).not.toMatch(/Seq Scan on flow_runs/);
  });
});
