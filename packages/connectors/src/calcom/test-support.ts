import { type ActionConnection, staticConnection } from "@handoff/connector-sdk";
import { startWebhookReceiver } from "@handoff/connector-sdk/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_API_KEY, type CalcomSandboxOptions, createCalcomSandbox } from "@handoff/sandbox/calcom";
import { calcomAuth } from "./auth";

/** Helpers for the Cal.com connector's tests: the sandbox, a connection to it and a webhook receiver. */

export function startCalcomSandbox(options?: CalcomSandboxOptions): Promise<SandboxServer> {
  return startSandboxServer({ port: 0, providers: [createCalcomSandbox(options)] });
}

export function sandboxConnection(sandbox: SandboxServer, token = CALCOM_SANDBOX_API_KEY): ActionConnection {
  return staticConnection({ auth: calcomAuth, credentials: { token }, baseUrl: `${sandbox.url}/calcom` });
}

export async function resetSandbox(sandbox: SandboxServer): Promise<void> {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
}

/** A customer action on the booking page (`book`, `reschedule`, `cancel`), which fires the webhooks. */
export async function sandboxAction(sandbox: SandboxServer, action: string, body: unknown) {
  const response = await fetch(`${sandbox.url}/_sandbox/calcom/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${action} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { uid: string; id: number; start: string; end: string };
}

export async function addFault(sandbox: SandboxServer, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "calcom", ...fault }),
  });
  if (response.status !== 201) throw new Error(`fault refused: ${await response.text()}`);
}

export async function sandboxState(sandbox: SandboxServer) {
  const response = await fetch(`${sandbox.url}/_sandbox/state?provider=calcom`);
  return (await response.json()) as {
    webhooks: { id: string; subscriberUrl: string; triggers: string[]; active: boolean; payloadVersion: string }[];
    bookings: { uid: string; status: string }[];
  };
}

export async function sandboxRequests(sandbox: SandboxServer) {
  const response = await fetch(`${sandbox.url}/_sandbox/requests?provider=calcom`);
  return (await response.json()) as { method: string; path: string; status: number; body: string }[];
}

/** A whole hour `hours` from now, so bookings land in the future and never overlap by accident. */
export function hoursFromNow(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString();
}

export type { CapturedDelivery } from "@handoff/connector-sdk/testing";

/** A stand-in for Handoff's hook endpoint (see `startWebhookReceiver`). */
export const startReceiver = () => startWebhookReceiver("/api/hooks/h_calcom_test");
