import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { ConnectorError, staticConnection } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import {
  type CapturedMessage,
  createMailSandbox,
  MAIL_SANDBOX_PASSWORD,
  MAIL_SANDBOX_USERNAME,
  type MailSandboxProvider,
} from "@handoff/sandbox/mail";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailAuth } from "./auth";
import { sendEmailAction } from "./send-email";

const LIMIT_BYTES = 64 * 1024;

let sandbox: SandboxServer;
let smtpUrl: string;

beforeAll(async () => {
  sandbox = await startSandboxServer({
    port: 0,
    providers: [
      createMailSandbox({
        smtpPort: 0,
        username: MAIL_SANDBOX_USERNAME,
        password: MAIL_SANDBOX_PASSWORD,
        maxMessageBytes: LIMIT_BYTES,
      }),
    ],
  });
  const mail = sandbox.providers.get("mail") as MailSandboxProvider;
  smtpUrl = `smtp://127.0.0.1:${mail.smtpPort()}`;
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
});

const connection = (overrides: { baseUrl?: string; password?: string } = {}) =>
  staticConnection({
    auth: emailAuth,
    credentials: { username: MAIL_SANDBOX_USERNAME, password: overrides.password ?? MAIL_SANDBOX_PASSWORD },
    baseUrl: "baseUrl" in overrides ? overrides.baseUrl : smtpUrl,
  });

async function mailbox(): Promise<CapturedMessage[]> {
  const response = await fetch(`${sandbox.url}/mail/messages`);
  return ((await response.json()) as { messages: CapturedMessage[] }).messages;
}

/** What the engine hands the action once `{{ … }}` expressions are resolved. */
const confirmation = {
  from: "Acme Plumbing <billing@acme.test>",
  to: 'Jane Roe <jane@customer.test>, "Roe, John" <john@customer.test>',
  cc: "books@acme.test",
  bcc: ["audit@acme.test"],
  replyTo: "owner@acme.test",
  subject: "Réservation confirmée : Jane Roe, mar. 14:00 Europe/Paris",
  text: "Bonjour Jane,\nvotre rendez-vous du mardi 14:00 (Europe/Paris) est confirmé.",
  html: "<p>Bonjour Jane,<br>votre rendez-vous du <b>mardi 14:00</b> (Europe/Paris) est confirmé.</p>",
  headers: { "X-Campaign": "booking-confirmations" },
};

const sha256MessageId = (key: string) => `<${createHash("sha256").update(key).digest("hex")}@handoff.local>`;

async function failure(options: Parameters<typeof runAction>[1]): Promise<ConnectorError> {
  const outcome = await runAction(sendEmailAction, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(outcome)}`);
  return outcome;
}

/** A port nothing listens on: bound, read back, released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("send-email action (mail sandbox over SMTP)", () => {
  it("delivers the message with its recipients, bodies, headers and a Message-ID from the idempotency key", async () => {
    const { output, logs } = await runAction(sendEmailAction, {
      props: confirmation,
      connection: connection(),
      idempotencyKey: "run_42:send_confirmation",
    });
    const messageId = sha256MessageId("run_42:send_confirmation");
    expect(output).toEqual({
      messageId,
      accepted: ["jane@customer.test", "john@customer.test", "books@acme.test", "audit@acme.test"],
      rejected: [],
      response: expect.stringMatching(/^250 OK: queued as msg_\d+$/),
    });

    const [message, ...others] = await mailbox();
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      envelope: {
        from: "billing@acme.test",
        to: ["jane@customer.test", "john@customer.test", "books@acme.test", "audit@acme.test"],
      },
      messageId,
      from: [{ name: "Acme Plumbing", address: "billing@acme.test" }],
      to: [
        { name: "Jane Roe", address: "jane@customer.test" },
        { name: "Roe, John", address: "john@customer.test" },
      ],
      cc: [{ name: "", address: "books@acme.test" }],
      subject: confirmation.subject,
      text: confirmation.text,
      html: confirmation.html,
    });
    expect(message?.headers).toMatchObject({
      "message-id": messageId,
      "x-handoff-idempotency-key": "run_42:send_confirmation",
      "x-campaign": "booking-confirmations",
      "reply-to": "owner@acme.test",
    });
    // Bcc travels in the envelope only.
    expect(JSON.stringify(message?.headers)).not.toContain("audit@acme.test");
    // Logs keep counts, not customers' addresses.
    expect(JSON.stringify(logs)).not.toContain("@customer.test");
  });

  it("sends a text-only message to a single address", async () => {
    const { output } = await runAction(sendEmailAction, {
      props: { from: "billing@acme.test", to: "jane@customer.test", subject: "Reminder", text: "See you tomorrow." },
      connection: connection(),
    });
    expect(output.accepted).toEqual(["jane@customer.test"]);
    expect(await mailbox()).toMatchObject([{ subject: "Reminder", text: "See you tomorrow.", html: null, cc: [] }]);
  });

  it("records the consent the send relied on in the step output, in UTC", async () => {
    const props = { from: "billing@acme.test", to: "jane@customer.test", subject: "Reminder", text: "Hi" };
    const withConsent = await runAction(sendEmailAction, {
      props: { ...props, consentAt: "2026-02-14T18:05:00+01:00" },
      connection: connection(),
    });
    expect(withConsent.output).toMatchObject({
      accepted: ["jane@customer.test"],
      consentAt: "2026-02-14T17:05:00.000Z",
    });
    const without = await runAction(sendEmailAction, { props, connection: connection() });
    expect(without.output).not.toHaveProperty("consentAt");
    expect(await mailbox()).toHaveLength(2);
  });

  it("sends nothing when the consent timestamp is malformed, naming the field", async () => {
    const outcome = await runAction(sendEmailAction, {
      props: { ...confirmation, consentAt: "last Tuesday" },
      connection: connection(),
    }).catch((error: unknown) => error);
    expect(String(outcome)).toContain("Consent given at (consentAt) must be an ISO 8601 date-time");
    expect(await mailbox()).toEqual([]);
  });

  it("gives every attempt of a step the same Message-ID, so a resend is recognisable", async () => {
    const props = { from: "billing@acme.test", to: "jane@customer.test", subject: "Invoice INV-0042", text: "Hi" };
    const first = await runAction(sendEmailAction, { props, connection: connection(), idempotencyKey: "run_7:n1" });
    const retry = await runAction(sendEmailAction, { props, connection: connection(), idempotencyKey: "run_7:n1" });
    const other = await runAction(sendEmailAction, { props, connection: connection(), idempotencyKey: "run_8:n1" });
    expect(retry.output.messageId).toBe(first.output.messageId);
    expect(other.output.messageId).not.toBe(first.output.messageId);
    // SMTP cannot refuse a duplicate: both copies arrive, carrying the same id and key.
    expect((await mailbox()).map((message) => message.headers["x-handoff-idempotency-key"])).toEqual([
      "run_7:n1",
      "run_7:n1",
      "run_8:n1",
    ]);
  });

  it("turns a refused login (535) into a final auth error with the server's words", async () => {
    const error = await failure({ props: confirmation, connection: connection({ password: "wrong" }) });
    expect(error).toMatchObject({ kind: "final", code: "auth", status: 535 });
    expect(error.providerMessage).toContain("Authentication credentials invalid");
    expect(error.message).not.toContain("wrong");
    expect(await mailbox()).toEqual([]);
  });

  it("turns an oversized message (552) into a final too_large error", async () => {
    const error = await failure({
      props: { ...confirmation, html: `<p>${"x".repeat(LIMIT_BYTES * 2)}</p>` },
      connection: connection(),
    });
    expect(error).toMatchObject({ kind: "final", code: "too_large", status: 552 });
    expect(error.providerMessage).toMatch(/^552 .*maximum message size/);
    expect(await mailbox()).toEqual([]);
  });

  it("turns an unreachable server into a retriable network error", async () => {
    const error = await failure({
      props: confirmation,
      connection: connection({ baseUrl: `smtp://127.0.0.1:${await closedPort()}` }),
    });
    expect(error).toMatchObject({ kind: "retriable", code: "network" });
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("fails for good when smtps:// (TLS) points at a plaintext server", async () => {
    const error = await failure({
      props: confirmation,
      connection: connection({ baseUrl: smtpUrl.replace("smtp:", "smtps:") }),
    });
    expect(error).toMatchObject({ kind: "final", code: "network" });
    expect(error.message).toMatch(/^TLS with 127\.0\.0\.1:\d+ failed/);
  });

  it.each([
    ["missing", undefined, /\(baseUrl\) is missing/],
    ["an https URL", "https://mail.example.com", /\(baseUrl\) uses https:\/\//],
    ["credentials in the URL", "smtp://user:secret@mail.example.com:587", /\(baseUrl\) contains a username/],
  ])("refuses a connection whose baseUrl is %s, before connecting", async (_label, baseUrl, message) => {
    const error = await failure({ props: confirmation, connection: connection({ baseUrl }) });
    expect(error).toMatchObject({ kind: "final", code: "validation", message: expect.stringMatching(message) });
    expect(error.message).not.toContain("secret");
  });

  it("needs a connection", async () => {
    expect(await failure({ props: confirmation })).toMatchObject({ kind: "final", code: "auth" });
  });

  it("does not start sending once the step is cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure({ props: confirmation, connection: connection(), signal: controller.signal });
    expect(error).toMatchObject({ kind: "retriable", code: "aborted" });
    expect(await mailbox()).toEqual([]);
  });
});
