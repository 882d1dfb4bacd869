import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { executeRun } from "@handoff/engine";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { createHubspotSandbox, HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN } from "@handoff/sandbox/hubspot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listAttention } from "../attention/list-attention";
import { createConnection } from "../connections/create-connection";
import { createFlow } from "../flows/create-flow";
import { NotFoundError } from "../flows/errors";
import { publishFlow } from "../flows/publish-flow";
import { createRunServices } from "../runs/run-services";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { IdentityReviewClosedError, IdentityReviewInputError, resolveIdentityReview } from "./resolve-identity-review";

const secretBox = createSecretBox(Buffer.alloc(32, 7).toString("base64"));
const SHARED_PHONE = "+33611111111";

/**
 * The whole loop, against the HubSpot emulator and the real engine: two contacts share a phone,
 * the find-or-create step refuses to guess and raises a review, a person picks one, and the
 * retried run continues with that contact — through the identity map, without matching again.
 */
describe("resolving an identity conflict", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let workspaceId: string;
  let flowId: string;
  let versionId: string;
  let operatorId: string;
  const services = () => createRunServices({ db: database.db, secretBox });

  const contact = async (email: string, firstname: string) => {
    const response = await fetch(`${sandbox.url}/_sandbox/hubspot/create-contact`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, firstname, phone: SHARED_PHONE }),
    });
    expect(response.ok).toBe(true);
    return ((await response.json()) as { id: string }).id;
  };
  const contactCount = async () =>
    ((await (await fetch(`${sandbox.url}/_sandbox/state?provider=hubspot`)).json()) as { contacts: unknown[] }).contacts
      .length;

  /** A booking by phone only (unless an email is given): the step can match on nothing but the shared phone. */
  const startRunOf = async (name: string, extra: { email?: string } = {}) => {
    const { rows } = await database.pool.query<{ id: string }>(
      `with e as (insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload)
                  values ($1, $2, gen_random_uuid()::text, 'accepted', $4) returning id)
       insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, trigger_summary)
       select $1, $2, $3, e.id, 'Booking: ' || $5 from e returning id`,
      [workspaceId, flowId, versionId, JSON.stringify({ phone: "+33 6 11 11 11 11", name, ...extra }), name],
    );
    return rows[0]?.id ?? "";
  };
  /** A run stopped by the conflict. */
  const startRun = async (name: string) => {
    const runId = await startRunOf(name);
    const outcome = await executeRun({ db: database.db, runId, services: services() });
    expect(outcome).toMatchObject({ kind: "needs_attention", nodeId: "contact" });
    return runId;
  };
  const stepOutput = async (runId: string) =>
    (await database.pool.query("select output from step_runs where run_id = $1 and node_id = 'contact'", [runId]))
      .rows[0]?.output as { contactId: string; matchedBy: string; created: boolean };
  /** What the worker does with a retried run: it succeeds, and the contact step says how it found its contact. */
  const contactStep = async (runId: string) => {
    expect(await executeRun({ db: database.db, runId, services: services() })).toEqual({ kind: "succeeded" });
    return stepOutput(runId);
  };
  const reviewOf = async (runId: string) => {
    const { rows } = await database.pool.query<{ id: string; status: string }>(
      "select id, status from identity_reviews where run_id = $1 order by created_at desc limit 1",
      [runId],
    );
    if (!rows[0]) throw new Error(`run ${runId} raised no review`);
    return rows[0];
  };
  const runStatus = async (runId: string) =>
    (await database.pool.query("select status from flow_runs where id = $1", [runId])).rows[0]?.status;

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({ port: 0, providers: [createHubspotSandbox()] });
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    operatorId = (
      await createUser({
        db: database.db,
        workspaceId,
        email: "sam@roe.test",
        password: "password-1",
        role: "operator",
      })
    ).id;
    const connection = await createConnection({
      db: database.db,
      secretBox,
      workspaceId,
      actorUserId: null,
      provider: "hubspot",
      name: "HubSpot sandbox",
      environment: "test",
      credentials: { token: HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN },
      baseUrl: `${sandbox.url}/hubspot`,
    });
    const graph: FlowDocument = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      nodes: [
        {
          id: "t",
          type: "trigger",
          connector: "core",
          operation: "webhook",
          props: {},
          label: "Booking",
          position: { x: 0, y: 0 },
        },
        {
          id: "contact",
          type: "action",
          connector: "hubspot",
          operation: "find-or-create-contact",
          connectionId: connection.id,
          props: { email: "{{ trigger.email }}", phone: "{{ trigger.phone }}", firstName: "{{ trigger.name }}" },
          label: "Find or create contact",
          position: { x: 0, y: 100 },
        },
      ],
      edges: [{ id: "t-contact", source: "t", sourceHandle: null, target: "contact" }],
    };
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", graph, actorUserId: null })).id;
    versionId = (await publishFlow({ db: database.db, flowId, message: "v1", actorUserId: null })).id;
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
    await database?.destroy();
  });
  beforeEach(async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    // Earlier decisions would answer this test's conflicts: each test starts with none.
    await database.pool.query("delete from customer_links; delete from customers; delete from identity_reviews");
  });

  it("links the chosen contact, retries every run the same question blocked, and those runs continue with it", async () => {
    await contact("ann@roe.test", "Ann");
    const chosen = await contact("jane@roe.test", "Jane");
    const first = await startRun("Jane");
    const second = await startRun("Jane");
    const review = await reviewOf(first);
    const queued = await listAttention({ db: database.db, workspaceId });
    expect(queued.find((item) => item.id === review.id)).toMatchObject({ kind: "identity_review", runId: first });

    const resolution = await resolveIdentityReview({
      db: database.db,
      workspaceId,
      reviewId: review.id,
      decision: { kind: "same_as", externalId: chosen },
      actorUserId: operatorId,
    });

    expect(resolution).toMatchObject({
      alsoResolved: [(await reviewOf(second)).id],
      retriedRunIds: [first, second],
      notRetried: [],
    });
    const links = await database.pool.query(
      `select c.phone, l.provider, l.external_id from customer_links l join customers c on c.id = l.customer_id`,
    );
    expect(links.rows).toEqual([{ phone: SHARED_PHONE, provider: "hubspot", external_id: chosen }]);
    expect(await reviewOf(first)).toMatchObject({ status: "resolved" });
    expect(await runStatus(first)).toBe("queued");
    const audit = await database.pool.query(
      "select action, target_id, actor_user_id, after from audit_log where workspace_id = $1 order by id",
      [workspaceId],
    );
    expect(audit.rows.slice(-3)).toEqual([
      {
        action: "identity_review.resolved",
        target_id: review.id,
        actor_user_id: operatorId,
        after: expect.objectContaining({ decision: "same_as", externalId: chosen, runsToRetry: [first, second] }),
      },
      expect.objectContaining({ action: "run.retried", target_id: first, actor_user_id: operatorId }),
      expect.objectContaining({ action: "run.retried", target_id: second, actor_user_id: operatorId }),
    ]);
    // Nothing about it needs a person any more.
    const left = (await listAttention({ db: database.db, workspaceId })).map((item) => item.id);
    expect(left).not.toContain(review.id);
    expect(left).not.toContain(first);

    // What the worker does next: the step finds the link and continues with the chosen contact.
    for (const runId of [first, second]) {
      expect(await executeRun({ db: database.db, runId, services: services() })).toEqual({ kind: "succeeded" });
      const step = await database.pool.query("select output from step_runs where run_id = $1 and node_id = 'contact'", [
        runId,
      ]);
      expect(step.rows[0]?.output).toMatchObject({ contactId: chosen, matchedBy: "link", created: false });
    }
    expect(await contactCount()).toBe(2);
  });

  it("moves a record linked to another customer, and drops the customer's stale link to the provider", async () => {
    const ann = await contact("ann@roe.test", "Ann");
    const jane = await contact("jane@roe.test", "Jane");
    const runId = await startRun("Jane");
    const { rows } = await database.pool.query<{ id: string }>(
      `insert into customers (workspace_id, email, phone) values ($1, 'other@roe.test', null), ($1, null, $2)
       returning id`,
      [workspaceId, SHARED_PHONE],
    );
    const [other, phoneCustomer] = rows.map((row) => row.id);
    await database.pool.query(
      `insert into customer_links (workspace_id, customer_id, provider, external_id)
       values ($1, $2, 'hubspot', $3), ($1, $4, 'hubspot', 'deleted-contact')`,
      [workspaceId, other, jane, phoneCustomer],
    );
    const review = await reviewOf(runId);
    const resolution = await resolveIdentityReview({
      db: database.db,
      workspaceId,
      reviewId: review.id,
      decision: { kind: "same_as", externalId: jane },
      actorUserId: operatorId,
    });
    expect(resolution.customerId).toBe(phoneCustomer);
    const links = await database.pool.query("select customer_id, external_id from customer_links order by external_id");
    expect(links.rows).toEqual([{ customer_id: phoneCustomer, external_id: jane }]);
    const audit = await database.pool.query(
      "select before from audit_log where action = 'identity_review.resolved' and target_id = $1",
      [review.id],
    );
    expect(audit.rows[0]?.before).toEqual({
      status: "open",
      linkedToCustomerId: other,
      replacedLinks: ["deleted-contact"],
    });
    expect(ann).not.toBe(jane);
  });

  it("on 'none of these', retries the blocked runs, which create one new contact, and later runs find it by link", async () => {
    await contact("ann@roe.test", "Ann");
    await contact("jane@roe.test", "Jane");
    const first = await startRun("Joan");
    const second = await startRun("Joan");
    const review = await reviewOf(first);
    const resolution = await resolveIdentityReview({
      db: database.db,
      workspaceId,
      reviewId: review.id,
      decision: { kind: "create_new" },
      actorUserId: operatorId,
    });
    expect(resolution).toMatchObject({
      alsoResolved: [(await reviewOf(second)).id],
      customerId: null,
      retriedRunIds: [first, second],
      notRetried: [],
    });
    const stored = await database.pool.query(
      "select status, decision, resolution from identity_reviews where id = $1",
      [review.id],
    );
    expect(stored.rows[0]).toEqual({
      status: "resolved",
      decision: "create_new",
      resolution: "None of these: a new hubspot record is needed",
    });
    const audit = await database.pool.query(
      "select actor_user_id, after from audit_log where action = 'identity_review.resolved' and target_id = $1",
      [review.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: operatorId,
        after: expect.objectContaining({ decision: "create_new", provider: "hubspot", runsToRetry: [first, second] }),
      },
    ]);
    expect((await listAttention({ db: database.db, workspaceId })).map((item) => item.id)).not.toContain(first);

    // The worker runs them one after the other: the first creates the contact, the second finds it by link.
    const created = await contactStep(first);
    expect(created).toMatchObject({ matchedBy: "created", created: true });
    expect(await contactCount()).toBe(3);
    expect(await contactStep(second)).toMatchObject({ contactId: created.contactId, matchedBy: "link" });
    const links = await database.pool.query(
      "select c.phone, l.external_id from customer_links l join customers c on c.id = l.customer_id",
    );
    expect(links.rows).toEqual([{ phone: SHARED_PHONE, external_id: created.contactId }]);

    // A new booking by the same person: no conflict, no fourth contact.
    const later = await startRunOf("Joan");
    expect(await executeRun({ db: database.db, runId: later, services: services() })).toEqual({ kind: "succeeded" });
    expect(await stepOutput(later)).toMatchObject({ contactId: created.contactId, matchedBy: "link", created: false });
    expect(await contactCount()).toBe(3);
  });

  it("still raises a conflict for other keys than the ones a person decided were new", async () => {
    await contact("ann@roe.test", "Ann");
    await contact("jane@roe.test", "Jane");
    const review = await reviewOf(await startRun("Joan"));
    await resolveIdentityReview({
      db: database.db,
      workspaceId,
      reviewId: review.id,
      decision: { kind: "create_new" },
      actorUserId: operatorId,
    });
    const withEmail = await startRunOf("Joan", { email: "joan@roe.test" });
    expect(await executeRun({ db: database.db, runId: withEmail, services: services() })).toMatchObject({
      kind: "needs_attention",
      nodeId: "contact",
    });
  });

  it("refuses a record that is not a candidate, a closed review, and a review of another workspace", async () => {
    await contact("ann@roe.test", "Ann");
    await contact("jane@roe.test", "Jane");
    const review = await reviewOf(await startRun("Jane"));
    const resolve = (reviewId: string, externalId: string, inWorkspace = workspaceId) =>
      resolveIdentityReview({
        db: database.db,
        workspaceId: inWorkspace,
        reviewId,
        decision: { kind: "same_as", externalId },
        actorUserId: operatorId,
      });
    await expect(resolve(review.id, "999")).rejects.toThrow(IdentityReviewInputError);
    const other = (await createWorkspace({ db: database.db, name: "Other" })).id;
    await expect(resolve(review.id, "999", other)).rejects.toThrow(NotFoundError);
    await resolveIdentityReview({
      db: database.db,
      workspaceId,
      reviewId: review.id,
      decision: { kind: "create_new" },
      actorUserId: operatorId,
    });
    await expect(resolve(review.id, "999")).rejects.toThrow(
      new IdentityReviewClosedError("This identity conflict was already resolved"),
    );
  });
});
