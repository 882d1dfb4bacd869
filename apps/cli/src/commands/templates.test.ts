import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_API_KEY, createCalcomSandbox } from "@handoff/sandbox/calcom";
import { createConnection, createWorkspace } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const handoff = fileURLToPath(new URL("../../bin/handoff.js", import.meta.url));
const SECRET_KEY = Buffer.alloc(32, 9).toString("base64");
const SLUG = "booking-to-contact-and-invoice";

function runCli(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [handoff, ...args],
      { env: { ...process.env, HANDOFF_SECRET_KEY: SECRET_KEY, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each command is a Node process compiling TypeScript on load: seconds each on a busy machine.
describe("handoff templates", { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let workspaceId: string;
  const ids: Record<string, string> = {};
  const cli = (args: string[]) =>
    runCli(args, { DATABASE_URL: database.url, HANDOFF_PUBLIC_URL: "https://handoff.salon.example" });
  const connect = async (key: string, provider: string, environment: "test" | "live") => {
    ids[key] = (
      await createConnection({
        db: database.db,
        secretBox: createSecretBox(SECRET_KEY),
        workspaceId,
        actorUserId: null,
        provider,
        name: key,
        environment,
        credentials:
          provider === "email" ? { username: "salon", password: "mail-pass-1" } : { token: CALCOM_SANDBOX_API_KEY },
        baseUrl: provider === "email" ? "smtp://127.0.0.1:2599" : `${sandbox.url}/${provider}`,
      })
    ).id;
  };
  const draftGraph = async (flowId: string) =>
    (
      await database.pool.query<{ draft_graph: { nodes: { id: string; connectionId?: string; props: object }[] } }>(
        "select draft_graph from flows where id = $1",
        [flowId],
      )
    ).rows[0]?.draft_graph;

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({ port: 0, providers: [createCalcomSandbox()] });
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon Lumière" })).id;
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.destroy();
  });

  it("lists the templates, as text and as JSON with their connections and fields", async () => {
    const text = await cli(["templates", "list"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^booking-to-contact-and-invoice\s+appointments\s+Booking to contact and draft invoice \(calcom, hubspot, stripe, email\)$/m,
    );
    const json = await cli(["templates", "list", "--json"]);
    const listed = JSON.parse(json.stdout) as { slug: string }[];
    expect(listed.find((template) => template.slug === SLUG)).toMatchObject({
      title: "Booking to contact and draft invoice",
      category: "appointments",
      providers: ["calcom", "hubspot", "stripe", "email"],
      connections: expect.arrayContaining([{ role: "crm", provider: "hubspot", label: expect.any(String) }]),
      fields: expect.arrayContaining([{ key: "taxRateId", label: "Tax rate", default: "" }]),
    });
  });

  it("names the provider whose test connection is missing", async () => {
    const result = await cli(["templates", "install", SLUG]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'No test calcom connection for "Cal.com account the bookings come from": add one, or pass --connection calcom=<connectionId>',
    );
  });

  it("installs a draft with the workspace's test connections, then a named copy with a chosen one and a field", async () => {
    await connect("Cal.com test", "calcom", "test");
    await connect("HubSpot test", "hubspot", "test");
    await connect("Stripe test", "stripe", "test");
    await connect("Stripe live", "stripe", "live");
    await connect("Mail test", "email", "test");
    const first = await cli(["templates", "install", SLUG]);
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout)).toEqual({
      flowId: expect.any(String),
      name: "Booking to contact and draft invoice",
      publishedVersion: null,
      subscription: null,
      subscriptionError: null,
      slug: SLUG,
      connections: {
        calendar: ids["Cal.com test"],
        crm: ids["HubSpot test"],
        invoicing: ids["Stripe test"],
        email: ids["Mail test"],
      },
    });

    const second = await cli([
      "templates",
      "install",
      SLUG,
      "--connection",
      `stripe=${ids["Stripe live"]}`,
      "--field",
      "taxRateId=txr_vat20",
      "--name",
      "Live bookings",
    ]);
    const installed = JSON.parse(second.stdout) as { flowId: string; name: string; connections: object };
    expect(installed).toMatchObject({ name: "Live bookings", connections: { invoicing: ids["Stripe live"] } });
    const invoice = (await draftGraph(installed.flowId))?.nodes.find((node) => node.id === "invoice");
    expect(invoice).toMatchObject({ connectionId: ids["Stripe live"], props: { defaultTaxRateIds: ["txr_vat20"] } });
    expect(JSON.parse((await cli(["templates", "install", SLUG])).stdout).name).toBe(
      "Booking to contact and draft invoice (2)",
    );
  });

  it("publishes with --publish: version 1 and the Cal.com webhook registered at the public URL", async () => {
    const result = await cli(["templates", "install", SLUG, "--publish"]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({ publishedVersion: 1, subscription: "subscribed" });
    const state = (await (await fetch(`${sandbox.url}/_sandbox/state?provider=calcom`)).json()) as {
      webhooks: { subscriberUrl: string }[];
    };
    expect(state.webhooks.map((hook) => hook.subscriberUrl)).toEqual([
      expect.stringMatching(/^https:\/\/handoff\.salon\.example\/api\/hooks\//),
    ]);
  });

  it("refuses an unknown template, a connection the template does not use, and an ambiguous default", async () => {
    const unknown = await cli(["templates", "install", "no-such-template"]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain('There is no template "no-such-template" (see `handoff templates list`)');
    const stray = await cli(["templates", "install", SLUG, "--connection", `slack=${ids["Mail test"]}`]);
    expect(stray.stderr).toContain(`"${SLUG}" uses no connection "slack" (it uses calcom, hubspot, stripe, email)`);
    const malformed = await cli(["templates", "install", SLUG, "--field", "taxRateId"]);
    expect(malformed.stderr).toContain('expected <key>=<value>, got "taxRateId"');
    await connect("HubSpot test 2", "hubspot", "test");
    const ambiguous = await cli(["templates", "install", SLUG]);
    expect(ambiguous.stderr).toContain("Several test hubspot connections (");
    expect(ambiguous.stderr).toContain("choose one with --connection hubspot=<connectionId>");
  });
});
