import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_API_KEY, createCalcomSandbox } from "@handoff/sandbox/calcom";
import { createConnection, createUser, createWorkspace, resolveSessionMember } from "@handoff/services";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);
const SLUG = "booking-to-contact-and-invoice";

describe("templates router over a real database", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let api: ReturnType<typeof createCaller>;
  let workspaceId: string;
  const connections: Record<string, string> = {};
  let liveStripe: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Publishing registers the Cal.com webhook: a real Cal.com emulator answers.
    sandbox = await startSandboxServer({ port: 0, providers: [createCalcomSandbox()] });
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon Lumière" })).id;
    const user = await createUser({
      db: database.db,
      workspaceId,
      email: "ed@salon.test",
      password: "password-1",
      role: "editor",
    });
    const context = testApiContext(
      database.db,
      await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 }),
    );
    api = createCaller(context);
    const connect = async (provider: string, name: string, environment: "test" | "live", baseUrl?: string) =>
      (
        await createConnection({
          db: database.db,
          secretBox: context.secretBox,
          workspaceId,
          actorUserId: null,
          provider,
          name,
          environment,
          credentials:
            provider === "email" ? { username: "mail", password: "mail-pass" } : { token: CALCOM_SANDBOX_API_KEY },
          baseUrl,
        })
      ).id;
    connections.calendar = await connect("calcom", "Cal.com sandbox", "test", `${sandbox.url}/calcom`);
    connections.crm = await connect("hubspot", "HubSpot sandbox", "test");
    connections.invoicing = await connect("stripe", "Stripe sandbox", "test");
    connections.email = await connect("email", "Mail sandbox", "test", "smtp://127.0.0.1:2525");
    liveStripe = await connect("stripe", "Stripe", "live");
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.destroy();
  });

  const flowCount = async () =>
    (
      await database.pool.query<{ n: number }>("select count(*)::int as n from flows where workspace_id = $1", [
        workspaceId,
      ])
    ).rows[0]?.n;
  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => null,
      (error: unknown) => error as TRPCError,
    );

  it("lists the gallery with each template's tools by name", async () => {
    const list = await api.templates.list();
    const booking = list.find((template) => template.slug === SLUG);
    expect(booking).toMatchObject({ category: "appointments" });
    expect(booking?.title).toBeTruthy();
    expect(booking?.providers).toEqual([
      { key: "calcom", name: "Cal.com" },
      { key: "hubspot", name: "HubSpot" },
      { key: "stripe", name: "Stripe" },
      { key: "email", name: "Email" },
    ]);
    expect(new Set(list.map((template) => template.slug)).size).toBe(list.length);
  });

  it("shows a template with its flow, steps, fields and the workspace's connections per role", async () => {
    const template = await api.templates.get({ slug: SLUG });
    expect(template.steps.length).toBeGreaterThan(1);
    expect(template.graph.nodes.length).toBeGreaterThan(1);
    expect(template.fields.length).toBeGreaterThan(0);
    for (const field of template.fields) expect(typeof field.default).toBe("string");
    const invoicing = template.connections.find((role) => role.role === "invoicing");
    expect(invoicing).toMatchObject({
      provider: { key: "stripe", name: "Stripe" },
      test: [{ id: connections.invoicing, name: "Stripe sandbox", status: "ok" }],
      live: [{ id: liveStripe, name: "Stripe", status: "ok" }],
      suggestedConnectionId: connections.invoicing,
    });
    for (const role of template.connections) expect(role.suggestedConnectionId).toBe(connections[role.role]);
    // Names and ids only: nothing of a credential reaches the browser.
    expect(JSON.stringify(template)).not.toContain(CALCOM_SANDBOX_API_KEY);
  });

  it("answers NOT_FOUND for an unknown template and BAD_REQUEST for a slug that cannot be one", async () => {
    expect(await refusal(api.templates.get({ slug: "no-such-template" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(api.templates.get({ slug: "../Etc" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await refusal(api.templates.install({ slug: "no-such-template", connections, publish: false })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("installs a draft with the chosen connections and fields, and numbers a second copy", async () => {
    const template = await api.templates.get({ slug: SLUG });
    const field = template.fields[0];
    if (!field) throw new Error("the template has no field");
    const first = await api.templates.install({
      slug: SLUG,
      connections,
      fields: { [field.key]: "custom value" },
      publish: false,
    });
    expect(first).toMatchObject({ name: template.title, publishedVersion: null, subscriptionError: null });
    const flow = await api.flows.get({ flowId: first.flowId });
    expect(flow.status).toBe("draft");
    for (const role of template.connections) {
      for (const nodeId of role.nodeIds) {
        const node = flow.draft.nodes.find((candidate) => candidate.id === nodeId);
        expect(node && "connectionId" in node ? node.connectionId : undefined).toBe(connections[role.role]);
      }
    }
    expect(JSON.stringify(flow.draft.nodes.find((node) => node.id === field.nodeId)?.props)).toContain("custom value");

    const second = await api.templates.install({ slug: SLUG, connections, publish: false });
    expect(second.name).toBe(`${template.title} (2)`);
    const named = await api.templates.install({ slug: SLUG, connections, publish: false, name: "  Salon bookings " });
    expect(named.name).toBe("Salon bookings");
  });

  it("refuses a missing or wrong connection, naming the role, and creates nothing", async () => {
    const before = await flowCount();
    const { crm: _crm, ...withoutCrm } = connections;
    const missing = await refusal(api.templates.install({ slug: SLUG, connections: withoutCrm, publish: false }));
    expect(missing).toMatchObject({ code: "BAD_REQUEST" });
    expect(missing?.message).toMatch(/HubSpot account/);
    const wrong = await refusal(
      api.templates.install({
        slug: SLUG,
        connections: { ...connections, crm: connections.invoicing ?? "" },
        publish: false,
      }),
    );
    expect(wrong).toMatchObject({ code: "BAD_REQUEST" });
    expect(wrong?.message).toMatch(/"Stripe sandbox" is a stripe connection/);
    const unknownField = await refusal(
      api.templates.install({ slug: SLUG, connections, fields: { nonsense: "x" }, publish: false }),
    );
    expect(unknownField?.message).toMatch(/no field "nonsense"/);
    expect(await flowCount()).toBe(before);
  });

  it("publishes straight away and registers the trigger's webhook", async () => {
    const installed = await api.templates.install({ slug: SLUG, connections, publish: true });
    expect(installed).toMatchObject({ publishedVersion: 1, subscriptionError: null });
    const flow = await api.flows.get({ flowId: installed.flowId });
    expect(flow).toMatchObject({ status: "active", currentVersion: { number: 1 } });
    const hooks = await fetch(`${sandbox.url}/calcom/v2/webhooks`, {
      headers: { authorization: `Bearer ${CALCOM_SANDBOX_API_KEY}` },
    });
    const { data } = (await hooks.json()) as { data: { subscriberUrl: string }[] };
    expect(data.map((hook) => hook.subscriberUrl)).toEqual([flow.hookUrl]);
  });

  it("refuses to publish an invalid result with every problem, before creating anything", async () => {
    const template = await api.templates.get({ slug: SLUG });
    const currency = template.fields.find((field) => field.key === "currency");
    if (!currency) throw new Error("the template has no currency field");
    const before = await flowCount();
    const refused = await refusal(
      api.templates.install({ slug: SLUG, connections, fields: { currency: "euros" }, publish: true }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    expect(refused?.cause).toMatchObject({
      name: "PublishRefusedError",
      problems: [expect.objectContaining({ nodeId: currency.nodeId, code: "invalid_props" })],
    });
    expect(await flowCount()).toBe(before);
  });
});
