import type { TestDatabase } from "@handoff/db/testing";
import { createWorkspace } from "../workspaces/create-workspace";

/**
 * Test data for the customer export and erasure: Jane (a customer with links) in runs found by
 * her email, her phone and her HubSpot id; Bob in runs of his own; a walk-in who is in runs
 * only; and another workspace that also knows Jane's email. Only for tests.
 */
export const JANE = {
  email: "jane.roe@example.test",
  phone: "+33612345678",
  nationalPhone: "06 12 34 56 78",
  name: "Jane Roe",
  hubspotId: "hs-contact-501",
  stripeId: "cus_JANE42",
  consentAt: "2026-02-14T17:05:00.000Z",
} as const;
export const BOB = { email: "bob.stone@example.test", phone: "+33698765432", name: "Bob Stone" } as const;
export const WALK_IN = { email: "walk.in@example.test" } as const;

/** A flow version whose `confirm` node sends email and whose `notify` node is an HTTP call. */
const GRAPH = {
  schemaVersion: 2,
  nodes: [
    node("booked", "trigger", "calcom", "booking-created"),
    node("contact", "action", "hubspot", "find-or-create-contact"),
    node("confirm", "action", "email", "send-email"),
    node("notify", "action", "core", "http-request"),
  ],
  edges: [],
};

function node(id: string, type: string, connector: string, operation: string) {
  return { id, type, connector, operation, props: {}, label: id, position: { x: 0, y: 0 } };
}

export interface CustomerFixtures {
  workspaceId: string;
  otherWorkspaceId: string;
  janeId: string;
  /** Jane's runs: by email, by phone (failed), by HubSpot id, and a replay of the first. */
  janeRunIds: string[];
  janeEventIds: string[];
  bobRunId: string;
  walkInRunId: string;
  otherWorkspaceRunId: string;
  reviewIds: { janeByEmail: string; janeAsCandidate: string; nameOnlyInJaneRun: string; bob: string };
}

export async function seedCustomerFixtures(database: TestDatabase): Promise<CustomerFixtures> {
  const { pool } = database;
  const workspaceId = (await createWorkspace({ db: database.db, name: "Salon Lumière", defaultCountry: "FR" })).id;
  const otherWorkspaceId = (await createWorkspace({ db: database.db, name: "Other salon", defaultCountry: "FR" })).id;
  const one = async (text: string, values: unknown[]) => {
    const { rows } = await pool.query<{ id: string }>(`${text} returning id`, values);
    const id = rows[0]?.id;
    if (!id) throw new Error(`no row from: ${text}`);
    return id;
  };
  const flowIn = async (workspace: string) => {
    const flowId = await one(
      `insert into flows (workspace_id, name, hook_id, draft_graph) values ($1, 'Booking confirmation', $2, $3)`,
      [workspace, `hook-${workspace}`, JSON.stringify(GRAPH)],
    );
    const versionId = await one(`insert into flow_versions (flow_id, number, graph) values ($1, 1, $2)`, [
      flowId,
      JSON.stringify(GRAPH),
    ]);
    return { flowId, versionId };
  };
  const flow = await flowIn(workspaceId);
  const otherFlow = await flowIn(otherWorkspaceId);

  const event = (workspace: string, flowId: string, key: string, payload: unknown) =>
    one(
      `insert into trigger_events (workspace_id, flow_id, idempotency_key, status, payload, headers)
       values ($1, $2, $3, 'accepted', $4, $5)`,
      [workspace, flowId, key, JSON.stringify(payload), JSON.stringify({ "x-forwarded-for": "203.0.113.9" })],
    );
  const run = (
    workspace: string,
    target: { flowId: string; versionId: string },
    eventId: string,
    run: { summary: string; keys: string[]; status?: string; error?: unknown; replayOf?: string; at: string },
  ) =>
    one(
      `insert into flow_runs (workspace_id, flow_id, flow_version_id, trigger_event_id, status, trigger_summary,
                              business_keys, error, replay_of_run_id, created_at, started_at, finished_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10::timestamptz + interval '2 seconds')`,
      [
        workspace,
        target.flowId,
        target.versionId,
        eventId,
        run.status ?? "succeeded",
        run.summary,
        run.keys,
        run.error === undefined ? null : JSON.stringify(run.error),
        run.replayOf ?? null,
        run.at,
      ],
    );
  const step = (runId: string, nodeId: string, step: { input?: unknown; output?: unknown; error?: unknown }) =>
    pool.query(
      `insert into step_runs (run_id, step_key, node_id, status, input, output, error, finished_at, duration_ms)
       values ($1, $2, $2, $3, $4, $5, $6, now(), 12)`,
      [
        runId,
        nodeId,
        step.error === undefined ? "succeeded" : "failed",
        step.input === undefined ? null : JSON.stringify(step.input),
        step.output === undefined ? null : JSON.stringify(step.output),
        step.error === undefined ? null : JSON.stringify(step.error),
      ],
    );

  const janeId = await one(`insert into customers (workspace_id, email, phone, name) values ($1, $2, $3, $4)`, [
    workspaceId,
    JANE.email,
    JANE.phone,
    JANE.name,
  ]);
  await pool.query(
    `insert into customer_links (workspace_id, customer_id, provider, external_id)
     values ($1, $2, 'hubspot', $3), ($1, $2, 'stripe', $4)`,
    [workspaceId, janeId, JANE.hubspotId, JANE.stripeId],
  );

  // Booked by email: the payload carries her phone as typed, the steps her email and name.
  const bookedPayload = {
    booking: { uid: "bk_1", start: "2026-03-03T14:00:00+01:00" },
    customer: { name: JANE.name, email: "Jane.Roe@Example.test", phone: JANE.nationalPhone },
  };
  const bookedEvent = await event(workspaceId, flow.flowId, "evt-1", bookedPayload);
  const booked = await run(workspaceId, flow, bookedEvent, {
    summary: `Booking: ${JANE.name}, Tue 14:00 Europe/Paris`,
    keys: ["bk_1", JANE.email],
    at: "2026-02-14T17:00:00Z",
  });
  await step(booked, "contact", {
    input: { email: JANE.email, name: JANE.name },
    output: { id: JANE.hubspotId, email: JANE.email },
  });
  await step(booked, "confirm", {
    input: { to: `${JANE.name} <${JANE.email}>`, subject: "See you Tuesday" },
    output: { messageId: "<m1@handoff.local>", accepted: [JANE.email], rejected: [], consentAt: JANE.consentAt },
  });
  // Not a messaging step: a consentAt in an HTTP response is not a consent the send relied on.
  await step(booked, "notify", {
    input: { url: "https://crm.example.test" },
    output: { consentAt: "2020-01-01T00:00:00.000Z" },
  });

  const rescheduledEvent = await event(workspaceId, flow.flowId, "evt-2", {
    booking: { uid: "bk_2" },
    customer: { name: JANE.name, phone: JANE.phone },
  });
  const rescheduled = await run(workspaceId, flow, rescheduledEvent, {
    summary: `Booking: ${JANE.name}, Thu 10:00 Europe/Paris`,
    keys: ["bk_2", JANE.phone],
    status: "failed",
    error: { message: `HubSpot refused ${JANE.phone}` },
    at: "2026-02-20T09:00:00Z",
  });
  await step(rescheduled, "contact", {
    input: { phone: JANE.phone },
    error: { message: `no contact for ${JANE.phone}` },
  });

  const hubspotEvent = await event(workspaceId, flow.flowId, "evt-3", [
    { objectId: JANE.hubspotId, firstname: "Jane" },
  ]);
  const hubspot = await run(workspaceId, flow, hubspotEvent, {
    summary: `HubSpot contact ${JANE.hubspotId} updated`,
    keys: [JANE.hubspotId],
    at: "2026-02-21T09:00:00Z",
  });

  // A replay shares the original's trigger event and keys.
  const replay = await run(workspaceId, flow, bookedEvent, {
    summary: `Booking: ${JANE.name}, Tue 14:00 Europe/Paris`,
    keys: ["bk_1", JANE.email],
    replayOf: booked,
    at: "2026-02-22T09:00:00Z",
  });
  await step(replay, "confirm", {
    input: { to: JANE.email },
    output: { messageId: "<m2@handoff.local>", accepted: [JANE.email], rejected: [] },
  });

  const bobEvent = await event(workspaceId, flow.flowId, "evt-4", { customer: { name: BOB.name, email: BOB.email } });
  const bobRunId = await run(workspaceId, flow, bobEvent, {
    summary: `Booking: ${BOB.name}`,
    keys: ["bk_9", BOB.email, BOB.phone],
    at: "2026-02-23T09:00:00Z",
  });
  await step(bobRunId, "confirm", {
    input: { to: BOB.email },
    output: { accepted: [BOB.email], consentAt: JANE.consentAt },
  });

  const walkInEvent = await event(workspaceId, flow.flowId, "evt-5", { email: WALK_IN.email });
  const walkInRunId = await run(workspaceId, flow, walkInEvent, {
    summary: "Webhook: walk-in",
    keys: [WALK_IN.email],
    at: "2026-02-24T09:00:00Z",
  });

  const otherEvent = await event(otherWorkspaceId, otherFlow.flowId, "evt-1", bookedPayload);
  const otherWorkspaceRunId = await run(otherWorkspaceId, otherFlow, otherEvent, {
    summary: `Booking: ${JANE.name}`,
    keys: [JANE.email],
    at: "2026-02-14T17:00:00Z",
  });

  const review = (keys: unknown, candidates: unknown, runId: string | null) =>
    one(
      `insert into identity_reviews (workspace_id, provider, keys, candidates, run_id) values ($1, 'hubspot', $2, $3, $4)`,
      [workspaceId, JSON.stringify(keys), JSON.stringify(candidates), runId],
    );
  const reviewIds = {
    janeByEmail: await review({ email: JANE.email, name: JANE.name }, [], booked),
    janeAsCandidate: await review(
      { email: "j.roe@elsewhere.test" },
      [{ externalId: JANE.hubspotId, matchedBy: "name", label: JANE.name }],
      null,
    ),
    nameOnlyInJaneRun: await review({ name: JANE.name }, [], rescheduled),
    bob: await review(
      { email: BOB.email },
      [{ externalId: "hs-contact-777", matchedBy: "email", label: BOB.name }],
      bobRunId,
    ),
  };

  return {
    workspaceId,
    otherWorkspaceId,
    janeId,
    janeRunIds: [booked, rescheduled, hubspot, replay],
    janeEventIds: [bookedEvent, rescheduledEvent, hubspotEvent],
    bobRunId,
    walkInRunId,
    otherWorkspaceRunId,
    reviewIds,
  };
}
