import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { freePort } from "@handoff/db/testing/admin";
import { defaultSandboxProviders, type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_API_KEY } from "@handoff/sandbox/calcom";
import {
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
  HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN,
} from "@handoff/sandbox/hubspot";
import { MAIL_SANDBOX_PASSWORD, MAIL_SANDBOX_USERNAME } from "@handoff/sandbox/mail";
import { STRIPE_SANDBOX_SECRET_KEY } from "@handoff/sandbox/stripe";
import { createConnection, createWorkspace, type InstalledTemplate, installTemplate } from "@handoff/services";
import { getTemplate } from "@handoff/templates";
import { startIngestServer } from "../support/ingest-server";
import {
  runCli,
  startWorkerProcess,
  stopWorker,
  TEST_SECRET_KEY,
  type WorkerProcess,
  waitFor,
  workerReady,
} from "../support/processes";

// One installation per test file: a database, every sandbox, the hook endpoint, a worker process
// and a workspace with a test connection per provider pointing at the sandboxes. Templates are
// installed through the install service and driven through the sandbox CLI, as a person would.

export type Provider = "calcom" | "hubspot" | "stripe" | "email";

export interface RunRow {
  id: string;
  status: string;
  error: unknown;
  trigger: Record<string, unknown>;
}

export interface StepRow {
  node_id: string;
  status: string;
  output: unknown;
  error: unknown;
}

/** The parts of each emulator's state the template tests look at. */
export interface CrmRecord {
  id: string;
  properties: Record<string, string | undefined>;
}
export interface HubspotState {
  contacts: CrmRecord[];
  deals: CrmRecord[];
  tasks: CrmRecord[];
  notes: CrmRecord[];
  associations: { fromType: string; fromId: string; toType: string; toId: string }[];
}
export interface StripeInvoice {
  id: string;
  status: string;
  customer: string;
  currency: string;
  number: string | null;
  subtotal: number;
  total: number;
  amount_paid: number;
  amount_remaining: number;
  due_date: number | null;
  description: string | null;
  metadata: Record<string, string>;
  lines: { data: { description: string; amount: number }[] };
  total_discount_amounts: { amount: number }[];
  total_taxes: { amount: number }[];
}
export interface StripeState {
  customers: { id: string; email: string | null; name: string | null; phone: string | null }[];
  invoices: StripeInvoice[];
}
export interface MailState {
  messages: {
    subject: string | null;
    text: string | null;
    from: { address: string }[];
    to: { address: string }[];
  }[];
}

export interface TemplateHarness {
  database: TestDatabase;
  sandbox: SandboxServer;
  workspaceId: string;
  /** The test connection of each provider. */
  connections: Record<Provider, string>;
  worker: WorkerProcess;
  /** Publishes the template (subscribing its trigger to this harness's hook endpoint). */
  install: (slug: string, options?: { fields?: Record<string, string>; name?: string }) => Promise<InstalledTemplate>;
  /** `handoff <args>` against the sandboxes; fails the test on a non-zero exit, returns parsed JSON stdout. */
  cli: <T = unknown>(args: string[]) => Promise<T>;
  /** Everything an emulator holds (`/_sandbox/state`). */
  state: <T = Record<string, unknown>>(provider: "calcom" | "hubspot" | "stripe" | "mail") => Promise<T>;
  /** A call to an emulator's API with the sandbox credentials, as the business would in the provider's dashboard. */
  api: <T = Record<string, unknown>>(
    provider: "stripe" | "hubspot",
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<T>;
  runs: (flowId: string) => Promise<RunRow[]>;
  steps: (runId: string) => Promise<StepRow[]>;
  /** Waits until the flow has `count` runs that stopped (succeeded, or needing a person), and returns them all. */
  waitForRuns: (flowId: string, count: number, timeoutMs?: number) => Promise<RunRow[]>;
  close: () => Promise<void>;
}

const FINISHED = new Set(["succeeded", "failed", "needs_attention", "canceled"]);

function formBody(value: unknown, prefix = "", out = new URLSearchParams()): URLSearchParams {
  if (value === null || value === undefined) return out;
  if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) formBody(item, prefix ? `${prefix}[${key}]` : key, out);
  } else out.append(prefix, String(value));
  return out;
}

export async function startTemplateHarness(name: string): Promise<TemplateHarness> {
  const secretBox = createSecretBox(TEST_SECRET_KEY);
  const database = await createTestDatabase();
  const sandbox = await startSandboxServer({
    port: 0,
    providers: defaultSandboxProviders({ smtpPort: await freePort() }),
  });
  const ingest = await startIngestServer(database.db, 1024 * 1024, TEST_SECRET_KEY);
  const { id: workspaceId } = await createWorkspace({ db: database.db, name: "Salon Lumière" });
  await database.pool.query("update workspaces set default_country = 'FR' where id = $1", [workspaceId]);

  const state = async <T>(provider: string) =>
    (await (await fetch(`${sandbox.url}/_sandbox/state?provider=${provider}`)).json()) as T;
  const smtpPort = (await state<{ smtp?: { port: number } }>("mail")).smtp?.port;
  const connect = async (provider: Provider, credentials: Record<string, string>, baseUrl: string) =>
    (
      await createConnection({
        db: database.db,
        secretBox,
        workspaceId,
        actorUserId: null,
        provider,
        name: `${provider} sandbox`,
        environment: "test",
        credentials,
        baseUrl,
      })
    ).id;
  const connections: Record<Provider, string> = {
    calcom: await connect("calcom", { token: CALCOM_SANDBOX_API_KEY }, `${sandbox.url}/calcom`),
    hubspot: await connect(
      "hubspot",
      {
        token: HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN,
        clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
        developerApiKey: HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
        appId: String(HUBSPOT_SANDBOX_APP_ID),
      },
      `${sandbox.url}/hubspot`,
    ),
    stripe: await connect("stripe", { token: STRIPE_SANDBOX_SECRET_KEY }, `${sandbox.url}/stripe`),
    email: await connect(
      "email",
      { username: MAIL_SANDBOX_USERNAME, password: MAIL_SANDBOX_PASSWORD },
      `smtp://127.0.0.1:${smtpPort}`,
    ),
  };
  const worker = startWorkerProcess(database.url, `${name}-worker`);
  await workerReady(worker);

  const runs = async (flowId: string) =>
    (
      await database.pool.query<RunRow>(
        `select r.id, r.status, r.error, e.payload as trigger
           from flow_runs r left join trigger_events e on e.id = r.trigger_event_id
          where r.flow_id = $1 order by r.created_at, r.id`,
        [flowId],
      )
    ).rows;

  return {
    database,
    sandbox,
    workspaceId,
    connections,
    worker,
    state,
    async install(slug, options = {}) {
      const template = getTemplate(slug);
      if (!template) throw new Error(`no template ${slug}`);
      const byRole = Object.fromEntries(
        template.connections.map((role) => [role.role, connections[role.provider as Provider]]),
      );
      const installed = await installTemplate({
        db: database.db,
        workspaceId,
        actorUserId: null,
        slug,
        connections: byRole,
        ...options,
        publish: true,
        secretBox,
        publicUrl: ingest.url,
      });
      if (installed.subscriptionError) throw new Error(`subscribing ${slug} failed: ${installed.subscriptionError}`);
      return installed;
    },
    async cli<T>(args: string[]) {
      const result = await runCli(args, database.url, { HANDOFF_SANDBOX_URL: sandbox.url });
      if (result.code !== 0) throw new Error(`handoff ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    },
    async api<T>(provider: "stripe" | "hubspot", method: string, path: string, body?: unknown) {
      const stripe = provider === "stripe";
      const response = await fetch(`${sandbox.url}/${provider}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${stripe ? STRIPE_SANDBOX_SECRET_KEY : HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN}`,
          "content-type": stripe ? "application/x-www-form-urlencoded" : "application/json",
        },
        ...(body === undefined ? {} : { body: stripe ? formBody(body).toString() : JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${provider} ${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    runs,
    async steps(runId: string) {
      return (
        await database.pool.query<StepRow>(
          "select node_id, status, output, error from step_runs where run_id = $1 order by started_at, id",
          [runId],
        )
      ).rows;
    },
    async waitForRuns(flowId, count, timeoutMs = 60_000) {
      let seen: RunRow[] = [];
      await waitFor(
        async () => {
          seen = await runs(flowId);
          return seen.filter((run) => FINISHED.has(run.status)).length >= count;
        },
        timeoutMs,
        () => `${JSON.stringify(seen)}\n${worker.output().slice(-3000)}`,
      );
      return seen;
    },
    async close() {
      await stopWorker(worker);
      await ingest.close();
      await sandbox.close();
      await database.destroy();
    },
  };
}
