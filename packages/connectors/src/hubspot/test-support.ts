import { type ActionConnection, type Credentials, staticConnection } from "@handoff/connector-sdk";
import { startWebhookReceiver } from "@handoff/connector-sdk/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import {
  createHubspotSandbox,
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
  HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN,
  type HubspotSandboxOptions,
} from "@handoff/sandbox/hubspot";
import { hubspotAuth } from "./auth";

/** Helpers for the HubSpot connector's tests: the sandbox, connections to it and a webhook receiver. */

export function startHubspotSandbox(options?: HubspotSandboxOptions): Promise<SandboxServer> {
  return startSandboxServer({ port: 0, providers: [createHubspotSandbox(options)] });
}

export function sandboxConnection(sandbox: SandboxServer, credentials: Credentials = {}): ActionConnection {
  return staticConnection({
    auth: hubspotAuth,
    credentials: { token: HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN, ...credentials },
    baseUrl: `${sandbox.url}/hubspot`,
  });
}

/** A private-app connection with what triggers need: the signing secret and the developer API key. */
export function triggerConnection(sandbox: SandboxServer, credentials: Credentials = {}): ActionConnection {
  return sandboxConnection(sandbox, {
    clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
    developerApiKey: HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
    appId: String(HUBSPOT_SANDBOX_APP_ID),
    ...credentials,
  });
}

export async function resetSandbox(sandbox: SandboxServer): Promise<void> {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
}

export interface SandboxRecord {
  id: string;
  properties: Record<string, string>;
}

/** What a HubSpot user does in the CRM UI (`create-contact`, `update-deal-stage`), which fires webhooks. */
export async function sandboxAdmin(sandbox: SandboxServer, action: string, body: unknown): Promise<SandboxRecord> {
  const response = await fetch(`${sandbox.url}/_sandbox/hubspot/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${action} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as SandboxRecord;
}

/** A CRM call with the private-app token, for setting up records the test then acts on. */
export async function sandboxApi(sandbox: SandboxServer, path: string, body?: unknown): Promise<SandboxRecord> {
  const response = await fetch(`${sandbox.url}/hubspot${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as SandboxRecord;
}

export async function addFault(sandbox: SandboxServer, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "hubspot", ...fault }),
  });
  if (response.status !== 201) throw new Error(`fault refused: ${await response.text()}`);
}

export interface SandboxState {
  contacts: SandboxRecord[];
  deals: SandboxRecord[];
  tasks: SandboxRecord[];
  notes: SandboxRecord[];
  associations: { fromType: string; fromId: string; toType: string; toId: string; associationTypeId: number }[];
  webhookSettings: { targetUrl: string } | null;
  subscriptions: { id: string; eventType: string; propertyName?: string; active: boolean }[];
}

export async function sandboxState(sandbox: SandboxServer): Promise<SandboxState> {
  const response = await fetch(`${sandbox.url}/_sandbox/state?provider=hubspot`);
  return (await response.json()) as SandboxState;
}

export async function sandboxRequests(sandbox: SandboxServer) {
  const response = await fetch(`${sandbox.url}/_sandbox/requests?provider=hubspot`);
  return (await response.json()) as { method: string; path: string; query: string; status: number; body: string }[];
}

export type { CapturedDelivery } from "@handoff/connector-sdk/testing";

/** A stand-in for Handoff's hook endpoint (see `startWebhookReceiver`). */
export const startReceiver = () => startWebhookReceiver("/api/hooks/h_hubspot_test");
