import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { freePort } from "@handoff/db/testing/admin";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_API_KEY, createCalcomSandbox } from "@handoff/sandbox/calcom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { PublishRefusedError } from "../flows/errors";
import { createWorkspace } from "../workspaces/create-workspace";
import { installTemplate } from "./install-template";
import { TemplateInputError, TemplateNotFoundError } from "./template-errors";

const secretBox = createSecretBox(Buffer.alloc(32, 7).toString("base64"));
const SLUG = "booking-to-contact-and-invoice";
const TITLE = "Booking to contact and draft invoice";

describe("installTemplate", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let workspaceId: string;
  let connections: Record<string, string>;
  let strangerHubspot: string;

  const connect = async (provider: string, baseUrl: string, inWorkspace = workspaceId) =>
    (
      await createConnection({
        db: database.db,
        secretBox,
        workspaceId: inWorkspace,
        actorUserId: null,
        provider,
        name: `${provider} test`,
        environment: "test",
        credentials:
          provider === "email" ? { username: "salon", password: "mail-password-1" } : { token: CALCOM_SANDBOX_API_KEY },
        baseUrl,
      })
    ).id;

  const install = (overrides: Partial<Parameters<typeof installTemplate>[0]> = {}) =>
    installTemplate({
      db: database.db,
      workspaceId,
      actorUserId: null,
      slug: SLUG,
      connections,
      publish: false,
      secretBox,
      publicUrl: "http://127.0.0.1:9",
      ...overrides,
    });

  const flowRow = async (flowId: string) =>
    (
      await database.pool.query<{ name: string; status: string; draft_graph: { nodes: Record<string, unknown>[] } }>(
        "select name, status, draft_graph from flows where id = $1",
        [flowId],
      )
    ).rows[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({ port: 0, providers: [createCalcomSandbox()] });
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon Lumière" })).id;
    const elsewhere = (await createWorkspace({ db: database.db, name: "Elsewhere" })).id;
    connections = {
      calendar: await connect("calcom", `${sandbox.url}/calcom`),
      crm: await connect("hubspot", `${sandbox.url}/hubspot`),
      invoicing: await connect("stripe", `${sandbox.url}/stripe`),
      email: await connect("email", `smtp://127.0.0.1:${await freePort()}`),
    };
    strangerHubspot = await connect("hubspot", `${sandbox.url}/hubspot`, elsewhere);
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.destroy();
  });

  it("creates a paused draft with every role's connection and the given fields, audited with the template", async () => {
    const installed = await install({ fields: { taxRateId: "txr_vat20", sender: "Salon <hello@salon.example>" } });
    expect(installed).toEqual({
      flowId: expect.any(String),
      name: TITLE,
      publishedVersion: null,
      subscription: null,
      subscriptionError: null,
    });
    const flow = await flowRow(installed.flowId);
    expect(flow?.status).toBe("paused");
    const node = (id: string) => flow?.draft_graph.nodes.find((candidate) => candidate.id === id);
    expect(node("booked")).toMatchObject({ connectionId: connections.calendar });
    expect(node("task")).toMatchObject({ connectionId: connections.crm });
    expect(node("invoice")).toMatchObject({
      connectionId: connections.invoicing,
      props: { defaultTaxRateIds: ["txr_vat20"] },
    });
    expect(node("confirm")).toMatchObject({
      connectionId: connections.email,
      props: { from: "Salon <hello@salon.example>" },
    });
    const audit = await database.pool.query<{ action: string; after: Record<string, unknown> }>(
      "select action, after from audit_log where target_id = $1",
      [installed.flowId],
    );
    expect(audit.rows).toEqual([{ action: "flow.created", after: { name: TITLE, template: SLUG, connections } }]);
  });

  it("names copies clearly: the title, then (2), (3); a chosen name gets the same treatment", async () => {
    expect((await install()).name).toBe(`${TITLE} (2)`);
    expect((await install()).name).toBe(`${TITLE} (3)`);
    expect((await install({ name: "  Salon bookings " })).name).toBe("Salon bookings");
    expect((await install({ name: "Salon bookings" })).name).toBe("Salon bookings (2)");
  });

  it("refuses a missing, foreign or wrong-provider connection, naming the role", async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error,
      );
    const { email: _, ...withoutEmail } = connections;
    const missing = await refusal(install({ connections: withoutEmail }));
    expect(missing).toBeInstanceOf(TemplateInputError);
    expect(missing).toMatchObject({
      input: { kind: "connection", role: "email" },
      message: 'Choose a email connection for "Mailbox the confirmation is sent from"',
    });
    expect(await refusal(install({ connections: { ...connections, crm: strangerHubspot } }))).toMatchObject({
      input: { kind: "connection", role: "crm" },
      message:
        'The connection chosen for "HubSpot account for contacts, deals and tasks" was not found in this workspace',
    });
    expect(
      await refusal(install({ connections: { ...connections, crm: connections.invoicing as string } })),
    ).toMatchObject({
      input: { kind: "connection", role: "crm" },
      message:
        '"stripe test" is a stripe connection; "HubSpot account for contacts, deals and tasks" needs a hubspot one',
    });
    expect(await refusal(install({ connections: { ...connections, crm: "not-a-uuid" } }))).toMatchObject({
      input: { kind: "connection", role: "crm" },
    });
    expect(await refusal(install({ connections: { ...connections, sms: connections.email as string } }))).toMatchObject(
      {
        input: { kind: "connection", role: "sms" },
      },
    );
  });

  it("refuses an unknown field or template", async () => {
    await expect(install({ fields: { vatRate: "20" } })).rejects.toMatchObject({
      name: "TemplateInputError",
      input: { kind: "field", key: "vatRate" },
    });
    await expect(install({ slug: "no-such-template" })).rejects.toBeInstanceOf(TemplateNotFoundError);
  });

  it("publishes: version 1, active, the Cal.com webhook registered, and the publish audited", async () => {
    const installed = await install({
      publish: true,
      name: "Published bookings",
      publicUrl: "https://handoff.salon.example",
    });
    expect(installed).toMatchObject({ publishedVersion: 1, subscription: "subscribed", subscriptionError: null });
    expect((await flowRow(installed.flowId))?.status).toBe("active");
    const hooks = (await (await fetch(`${sandbox.url}/_sandbox/state?provider=calcom`)).json()) as {
      webhooks: { subscriberUrl: string }[];
    };
    expect(hooks.webhooks.map((hook) => hook.subscriberUrl)).toEqual([
      expect.stringMatching(/^https:\/\/handoff\.salon\.example\/api\/hooks\//),
    ]);
    const audit = await database.pool.query<{ action: string }>(
      "select action from audit_log where target_id = $1 order by id",
      [installed.flowId],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(["flow.created", "flow.published"]);
  });

  it("refuses to publish an invalid result with its problems, before creating anything", async () => {
    const before = await database.pool.query("select count(*)::int as n from flows");
    const refused = await install({ publish: true, fields: { sender: "the salon" } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PublishRefusedError);
    expect((refused as PublishRefusedError).problems).toEqual([
      expect.objectContaining({ nodeId: "confirm", field: "props.from" }),
    ]);
    expect((await database.pool.query("select count(*)::int as n from flows")).rows).toEqual(before.rows);
  });

  it("keeps a published flow when the provider cannot register the webhook, and says why", async () => {
    const unreachable = await connect("calcom", `http://127.0.0.1:${await freePort()}/calcom`);
    const installed = await install({ publish: true, connections: { ...connections, calendar: unreachable } });
    expect(installed.publishedVersion).toBe(1);
    expect(installed.subscription).toBeNull();
    expect(installed.subscriptionError).toEqual(expect.any(String));
    expect((await flowRow(installed.flowId))?.status).toBe("active");
  });
});
