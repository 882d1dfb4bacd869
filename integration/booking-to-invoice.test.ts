import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { freePort } from "@handoff/db/testing/admin";
import { defaultSandboxProviders, type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_API_KEY } from "@handoff/sandbox/calcom";
import { HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN } from "@handoff/sandbox/hubspot";
import { MAIL_SANDBOX_PASSWORD, MAIL_SANDBOX_USERNAME } from "@handoff/sandbox/mail";
import { STRIPE_SANDBOX_SECRET_KEY } from "@handoff/sandbox/stripe";
import {
  createConnection,
  createFlow,
  createWorkspace,
  publishFlow,
  replayRun,
  setFlowStatus,
  syncTriggerSubscription,
} from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edge, flowDocument } from "./support/flows";
import { startIngestServer } from "./support/ingest-server";
import {
  runCli,
  startWorkerProcess,
  stopWorker,
  TEST_SECRET_KEY,
  type WorkerProcess,
  waitFor,
  workerReady,
} from "./support/processes";

interface SandboxState {
  contacts?: unknown[];
  customers?: unknown[];
  invoices?: { id: string; status: string; customer: string; lines?: { data: unknown[] } }[];
  messages?: { subject: string; to: { address: string }[] }[];
  bookings?: { uid: string }[];
}

describe("Cal.com booking → HubSpot contact → Stripe draft invoice → confirmation e-mail", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let ingest: Awaited<ReturnType<typeof startIngestServer>>;
  let worker: WorkerProcess;
  let flowId: string;
  const secretBox = createSecretBox(TEST_SECRET_KEY);

  const state = async (provider: string): Promise<SandboxState> =>
    (await fetch(`${sandbox.url}/_sandbox/state?provider=${provider}`)).json() as Promise<SandboxState>;
  const runs = async () =>
    (
      await database.pool.query<{ id: string; status: string; error: unknown }>(
        "select id, status, error from flow_runs where flow_id = $1 order by created_at",
        [flowId],
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({ port: 0, providers: defaultSandboxProviders({ smtpPort: await freePort() }) });
    ingest = await startIngestServer(database.db, 1024 * 1024, TEST_SECRET_KEY);
    const { id: workspaceId } = await createWorkspace({ db: database.db, name: "Salon Lumière" });
    await database.pool.query("update workspaces set default_country = 'FR' where id = $1", [workspaceId]);
    const smtpPort = ((await state("mail")) as { smtp?: { port: number } }).smtp?.port;
    const connect = (provider: string, credentials: Record<string, string>, baseUrl: string) =>
      createConnection({
        db: database.db,
        secretBox,
        workspaceId,
        actorUserId: null,
        provider,
        name: `${provider} sandbox`,
        environment: "test",
        credentials,
        baseUrl,
      });
    const calcom = await connect("calcom", { token: CALCOM_SANDBOX_API_KEY }, `${sandbox.url}/calcom`);
    const hubspot = await connect("hubspot", { token: HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN }, `${sandbox.url}/hubspot`);
    const stripe = await connect("stripe", { token: STRIPE_SANDBOX_SECRET_KEY }, `${sandbox.url}/stripe`);
    const email = await connect(
      "email",
      { username: MAIL_SANDBOX_USERNAME, password: MAIL_SANDBOX_PASSWORD },
      `smtp://127.0.0.1:${smtpPort}`,
    );

    const node = (
      id: string,
      connector: string,
      operation: string,
      connectionId: string,
      props: object,
      x: number,
    ) => ({
      id,
      type: "action" as const,
      connector,
      operation,
      connectionId,
      label: id,
      position: { x, y: 0 },
      props: props as Record<string, never>,
    });
    const graph = flowDocument(
      [
        {
          id: "booked",
          type: "trigger",
          connector: "calcom",
          operation: "booking-created",
          connectionId: calcom.id,
          label: "Booking created",
          position: { x: 0, y: 0 },
          props: {},
        },
        node(
          "contact",
          "hubspot",
          "find-or-create-contact",
          hubspot.id,
          {
            email: "{{ trigger.customer.email }}",
            phone: "{{ trigger.customer.phone }}",
            firstName: "{{ trigger.customer.firstName }}",
            lastName: "{{ trigger.customer.lastName }}",
          },
          200,
        ),
        node(
          "customer",
          "stripe",
          "find-or-create-customer",
          stripe.id,
          { email: "{{ trigger.customer.email }}", name: "{{ trigger.customer.name }}" },
          400,
        ),
        node(
          "invoice",
          "stripe",
          "create-draft-invoice",
          stripe.id,
          {
            customerId: "{{ steps.customer.customerId }}",
            currency: "eur",
            dedupeKey: "{{ trigger.booking.uid }}",
            lines: [{ description: "{{ trigger.booking.service }}", quantity: 1, unitAmount: 8500 }],
          },
          600,
        ),
        node(
          "confirm",
          "email",
          "send-email",
          email.id,
          {
            from: "Salon Lumière <hello@salon-lumiere.example>",
            to: "{{ trigger.customer.email }}",
            subject: "See you {{ trigger.booking.startLocal }}",
            text: "Hello {{ trigger.customer.name }}, your {{ trigger.booking.service }} is booked.",
          },
          800,
        ),
      ],
      [edge("booked", "contact"), edge("contact", "customer"), edge("customer", "invoice"), edge("invoice", "confirm")],
    );
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Booking to invoice", actorUserId: null, graph }))
      .id;
    await publishFlow({ db: database.db, flowId, message: "first version", actorUserId: null });
    expect(await syncTriggerSubscription({ db: database.db, secretBox, flowId, publicUrl: ingest.url })).toBe(
      "subscribed",
    );
    worker = startWorkerProcess(database.url, "booking-worker");
    await workerReady(worker);
  }, 90_000);

  afterAll(async () => {
    if (worker) await stopWorker(worker);
    await ingest?.close();
    await sandbox?.close();
    await database?.destroy();
  });

  it("runs from `handoff sandbox calcom book` to one contact, one customer, one draft invoice and one e-mail", async () => {
    const booked = await runCli(
      [
        "sandbox",
        "calcom",
        "book",
        "--email",
        "Jane.Roe@Example.com",
        "--name",
        "Jane Roe",
        "--start",
        new Date(Date.now() + 3 * 86_400_000).toISOString(),
        "--tz",
        "Europe/Paris",
        "--service",
        "Colour",
        "--phone",
        "+33612345678",
      ],
      database.url,
      { HANDOFF_SANDBOX_URL: sandbox.url },
    );
    expect(booked.stderr).toBe("");
    expect(booked.code).toBe(0);
    await waitFor(
      async () => (await runs()).some((run) => run.status === "succeeded"),
      60_000,
      () => JSON.stringify(worker.output().slice(-2000)),
    );
    expect((await state("hubspot")).contacts).toHaveLength(1);
    expect((await state("stripe")).customers).toHaveLength(1);
    const invoices = (await state("stripe")).invoices ?? [];
    expect(invoices).toHaveLength(1);
    expect(invoices[0]?.status).toBe("draft");
    const mail = (await state("mail")).messages ?? [];
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to.map((to) => to.address)).toEqual(["jane.roe@example.com"]);
  }, 90_000);

  it("acknowledges a re-delivered webhook without running it again", async () => {
    const [delivery] = (await (await fetch(`${sandbox.url}/_sandbox/webhooks?provider=calcom`)).json()) as {
      id: string;
    }[];
    expect(delivery).toBeDefined();
    await fetch(`${sandbox.url}/_sandbox/webhooks/${delivery?.id}/resend`, { method: "POST" });
    await sandbox.context.outbox.idle();
    const { rows } = await database.pool.query<{ n: number }>(
      "select count(*)::int as n from trigger_events where flow_id = $1",
      [flowId],
    );
    expect(rows[0]?.n).toBe(1);
    expect(await runs()).toHaveLength(1);
  });

  it("replaying the run leaves exactly one contact, one customer and one invoice", async () => {
    const [first] = await runs();
    const replay = await replayRun({ db: database.db, runId: first?.id ?? "", actorUserId: null });
    await waitFor(async () => (await runs()).find((run) => run.id === replay.runId)?.status === "succeeded", 60_000);
    expect((await state("hubspot")).contacts).toHaveLength(1);
    expect((await state("stripe")).customers).toHaveLength(1);
    expect((await state("stripe")).invoices).toHaveLength(1);
  }, 90_000);

  it("matches the same person booking again with a differently written e-mail: one contact, one customer", async () => {
    const booked = await runCli(
      [
        "sandbox",
        "calcom",
        "book",
        "--email",
        "JANE.ROE@example.COM",
        "--name",
        "Jane Roe",
        "--start",
        new Date(Date.now() + 10 * 86_400_000).toISOString(),
        "--tz",
        "Europe/Paris",
        "--service",
        "Haircut",
      ],
      database.url,
      { HANDOFF_SANDBOX_URL: sandbox.url },
    );
    expect(booked.code).toBe(0);
    let seen: unknown;
    await waitFor(
      async () => {
        seen = await runs();
        return (seen as { status: string }[]).filter((run) => run.status === "succeeded").length === 3;
      },
      60_000,
      () => JSON.stringify(seen),
    );
    expect((await state("hubspot")).contacts).toHaveLength(1);
    expect((await state("stripe")).customers).toHaveLength(1);
    expect((await state("stripe")).invoices).toHaveLength(2);
    const { rows } = await database.pool.query<{ customers: number; links: number }>(
      "select (select count(*)::int from customers) as customers, (select count(*)::int from customer_links) as links",
    );
    expect(rows[0]).toEqual({ customers: 1, links: 2 });
  }, 90_000);

  it("keeps the Cal.com webhook across a republish, removes it on pause and registers it again on resume", async () => {
    const subscriptions = async () => {
      const response = await fetch(`${sandbox.url}/calcom/v2/webhooks`, {
        headers: { authorization: `Bearer ${CALCOM_SANDBOX_API_KEY}` },
      });
      return ((await response.json()) as { data: { id: string | number; subscriberUrl: string }[] }).data;
    };
    expect(await subscriptions()).toHaveLength(1);
    await publishFlow({ db: database.db, flowId, message: "same trigger", actorUserId: null });
    expect(await syncTriggerSubscription({ db: database.db, secretBox, flowId, publicUrl: ingest.url })).toBe("kept");
    expect(await subscriptions()).toHaveLength(1);

    await setFlowStatus({ db: database.db, flowId, status: "paused", actorUserId: null });
    expect(await syncTriggerSubscription({ db: database.db, secretBox, flowId, publicUrl: ingest.url })).toBe(
      "unsubscribed",
    );
    expect(await subscriptions()).toHaveLength(0);

    await setFlowStatus({ db: database.db, flowId, status: "active", actorUserId: null });
    expect(await syncTriggerSubscription({ db: database.db, secretBox, flowId, publicUrl: ingest.url })).toBe(
      "subscribed",
    );
    const [subscription] = await subscriptions();
    expect(subscription?.subscriberUrl).toMatch(new RegExp(`^${ingest.url}/api/hooks/`));
  });
});
