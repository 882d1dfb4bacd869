import type { SecretBox } from "@handoff/auth";
import { getConnector } from "@handoff/connectors";
import { type Database, schema } from "@handoff/db";
import { CALCOM_SANDBOX_API_KEY } from "@handoff/sandbox/calcom";
import {
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
  HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN,
} from "@handoff/sandbox/hubspot";
import { MAIL_SANDBOX_PASSWORD, MAIL_SANDBOX_USERNAME } from "@handoff/sandbox/mail";
import { STRIPE_SANDBOX_SECRET_KEY } from "@handoff/sandbox/stripe";
import { ensureConnection } from "@handoff/services";

export interface DemoSandbox {
  /** e.g. http://127.0.0.1:3100 */
  url: string;
  smtpPort: number;
}

export interface SandboxConnectionSpec {
  provider: string;
  name: string;
  credentials: Record<string, string>;
  baseUrl: string;
}

/** One test connection per provider, pointing at the local emulators (the browser tests use them too). */
export function sandboxConnectionSpecs({ url, smtpPort }: DemoSandbox): SandboxConnectionSpec[] {
  return [
    {
      provider: "calcom",
      name: "Cal.com sandbox",
      credentials: { token: CALCOM_SANDBOX_API_KEY },
      baseUrl: `${url}/calcom`,
    },
    {
      provider: "hubspot",
      name: "HubSpot sandbox",
      // The app's secret, developer key and id let HubSpot triggers register and verify webhooks.
      credentials: {
        token: HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN,
        clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
        developerApiKey: HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
        appId: String(HUBSPOT_SANDBOX_APP_ID),
      },
      baseUrl: `${url}/hubspot`,
    },
    {
      provider: "stripe",
      name: "Stripe sandbox",
      credentials: { token: STRIPE_SANDBOX_SECRET_KEY },
      baseUrl: `${url}/stripe`,
    },
    {
      provider: "email",
      name: "Mail sandbox",
      credentials: { username: MAIL_SANDBOX_USERNAME, password: MAIL_SANDBOX_PASSWORD },
      baseUrl: `smtp://127.0.0.1:${smtpPort}`,
    },
  ];
}

/**
 * The demo workspace's *test* connections, one per provider, pointing at the local emulators so
 * flows and templates work with no account anywhere. Re-run on every start: new providers appear
 * and moved ports are followed.
 */
export async function ensureDemoConnections(options: {
  db: Database;
  secretBox: SecretBox;
  sandbox: DemoSandbox;
  say: (message: string) => void;
}): Promise<void> {
  const [workspace] = await options.db.select({ id: schema.workspaces.id }).from(schema.workspaces).limit(1);
  if (!workspace) return;
  const demo = sandboxConnectionSpecs(options.sandbox);
  // A connector not built into this installation is skipped rather than failing the start.
  for (const connection of demo.filter((candidate) => getConnector(candidate.provider))) {
    const { created } = await ensureConnection({
      db: options.db,
      secretBox: options.secretBox,
      workspaceId: workspace.id,
      environment: "test",
      ...connection,
    });
    if (created) options.say(`added the test connection "${connection.name}"`);
  }
}
