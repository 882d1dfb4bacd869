import { type ActionConnection, staticConnection } from "@handoff/connector-sdk";
import { startWebhookReceiver } from "@handoff/connector-sdk/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { createStripeSandbox, STRIPE_SANDBOX_SECRET_KEY, type StripeSandboxOptions } from "@handoff/sandbox/stripe";
import { stripeAuth } from "./auth";

/** Helpers for the Stripe connector's tests: the sandbox, a connection to it and a webhook receiver. */

// biome-ignore lint/suspicious/noExplicitAny: sandbox answers are read field by field in assertions
export type Json = any;

/**
 * The overdue sweep only runs when the clock moves (deterministic), and the rate limit is lifted
 * so a test making many calls in one second is not slowed by 429s it did not ask for.
 */
export function startStripeSandbox(options: StripeSandboxOptions = {}): Promise<SandboxServer> {
  return startSandboxServer({
    port: 0,
    providers: [createStripeSandbox({ overdueSweepIntervalMs: 0, rateLimitPerSecond: 10_000, ...options })],
  });
}

export function sandboxConnection(sandbox: SandboxServer, token = STRIPE_SANDBOX_SECRET_KEY): ActionConnection {
  return staticConnection({ auth: stripeAuth, credentials: { token }, baseUrl: `${sandbox.url}/stripe` });
}

export async function resetSandbox(sandbox: SandboxServer): Promise<void> {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
}

/** A customer's doing on the hosted page (`pay`, `fail-payment`) or time passing (`tick`). */
export async function sandboxAction(sandbox: SandboxServer, action: string, body: unknown): Promise<Json> {
  const response = await fetch(`${sandbox.url}/_sandbox/stripe/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${action} failed: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Moves the sandbox clock, which also runs the overdue sweep; answers the sandbox's new "now". */
export async function moveClock(sandbox: SandboxServer, advanceMs: number): Promise<Date> {
  const response = await fetch(`${sandbox.url}/_sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceMs }),
  });
  return new Date(((await response.json()) as { now: string }).now);
}

export async function addFault(sandbox: SandboxServer, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "stripe", ...fault }),
  });
  if (response.status !== 201) throw new Error(`fault refused: ${await response.text()}`);
}

export async function sandboxState(sandbox: SandboxServer): Promise<Json> {
  return (await fetch(`${sandbox.url}/_sandbox/state?provider=stripe`)).json();
}

export async function sandboxRequests(
  sandbox: SandboxServer,
): Promise<{ method: string; path: string; query: string; status: number; body: string }[]> {
  return (await (await fetch(`${sandbox.url}/_sandbox/requests?provider=stripe`)).json()) as Json;
}

/** A direct call to the sandbox's API, for setting up what a test needs (form-encoded, pinned version). */
export async function stripeApi(
  sandbox: SandboxServer,
  method: "GET" | "POST" | "DELETE",
  path: string,
  form: Record<string, string> = {},
): Promise<Json> {
  const body = new URLSearchParams(form).toString();
  const response = await fetch(`${sandbox.url}/stripe${path}${method === "POST" || !body ? "" : `?${body}`}`, {
    method,
    headers: {
      authorization: `Bearer ${STRIPE_SANDBOX_SECRET_KEY}`,
      "stripe-version": "2025-09-30.clover",
      ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    ...(method === "POST" ? { body } : {}),
  });
  return response.json();
}

export type { CapturedDelivery } from "@handoff/connector-sdk/testing";

/** A stand-in for Handoff's hook endpoint (see `startWebhookReceiver`). */
export const startReceiver = () => startWebhookReceiver("/api/hooks/h_stripe_test");
