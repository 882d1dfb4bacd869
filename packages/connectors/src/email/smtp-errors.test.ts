import { ConnectorError, staticConnection } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import { afterEach, describe, expect, it } from "vitest";
import { emailAuth } from "./auth";
import { createSmtpClient } from "./client";
import { type ScriptedSmtpServer, type SmtpScript, startScriptedSmtpServer } from "./scripted-smtp-server";
import { sendEmailAction } from "./send-email";
import { smtpFailure } from "./smtp-errors";

let server: ScriptedSmtpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const connectionTo = (baseUrl: string) =>
  staticConnection({ auth: emailAuth, credentials: { username: "relay-user", password: "relay-pass" }, baseUrl });

const props = {
  from: "billing@acme.test",
  to: "jane@customer.test, john@customer.test",
  subject: "Invoice INV-0042",
  text: "Hi",
};

async function send(script: SmtpScript) {
  server = await startScriptedSmtpServer(script);
  return runAction(sendEmailAction, { props, connection: connectionTo(server.url) });
}

async function failure(script: SmtpScript): Promise<ConnectorError> {
  const outcome = await send(script).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(outcome)}`);
  return outcome;
}

describe("SMTP reply codes (scripted server over TCP)", () => {
  it.each([
    [421, { greeting: "421 4.3.2 Service not available, closing channel" }],
    [450, { rcpt: () => "450 4.2.1 Mailbox busy, greylisted" }],
    [451, { afterData: "451 4.3.0 Local error in processing" }],
    [452, { afterData: "452 4.3.1 Insufficient system storage" }],
  ] satisfies [number, SmtpScript][])(
    "treats %i as temporary: retriable, with the server's words",
    async (code, script) => {
      const error = await failure(script);
      expect(error).toMatchObject({ kind: "retriable", code: "server_error", status: code });
      expect(error.providerMessage).toContain(String(code));
      expect(server?.delivered).toEqual([]);
    },
  );

  it("lists each refused recipient when all are refused (550), and fails for good", async () => {
    const error = await failure({ rcpt: (address) => `550 5.1.1 <${address}>: Recipient address rejected` });
    expect(error).toMatchObject({ kind: "final", code: "validation", status: 550 });
    expect(error.message).toContain("refused the recipients");
    expect(error.providerMessage).toBe(
      "jane@customer.test: 550 5.1.1 <jane@customer.test>: Recipient address rejected; " +
        "john@customer.test: 550 5.1.1 <john@customer.test>: Recipient address rejected",
    );
  });

  it("retries when every recipient is refused but one only for now", async () => {
    const error = await failure({
      rcpt: (address) => (address.startsWith("jane") ? "450 4.2.1 Try again later" : "553 5.1.3 Bad address syntax"),
    });
    expect(error).toMatchObject({ kind: "retriable", code: "server_error", status: 450 });
  });

  it("succeeds when some recipients are accepted, reporting the refused ones", async () => {
    const { output, logs } = await send({
      rcpt: (address) => (address.startsWith("john") ? "550 5.1.1 No such user" : "250 2.1.5 OK"),
    });
    expect(output).toMatchObject({
      accepted: ["jane@customer.test"],
      rejected: ["john@customer.test"],
      response: "250 2.0.0 queued as scripted-1",
    });
    expect(server?.delivered).toHaveLength(1);
    expect(logs.map((entry) => entry.message)).toContain("Some recipients were refused");
  });

  it.each([
    [535, "auth", { afterData: "535 5.7.8 Authentication credentials invalid" }],
    [552, "too_large", { afterData: "552 5.3.4 Message size exceeds fixed limit" }],
    [554, "client_error", { afterData: "554 5.7.1 Message rejected as spam" }],
  ] satisfies [number, string, SmtpScript][])("treats %i as permanent (%s)", async (code, kind, script) => {
    const error = await failure(script);
    expect(error).toMatchObject({ kind: "final", code: kind, status: code });
    expect(error.providerMessage).toMatch(new RegExp(`^${code} `));
  });

  it("gives up on a server that never greets, as a retriable timeout", async () => {
    server = await startScriptedSmtpServer({ greeting: null });
    const client = createSmtpClient(connectionTo(server.url), {
      timeouts: { connectionMs: 1_000, greetingMs: 200, socketMs: 1_000 },
    });
    const outcome = await client.send({ from: "a@acme.test", to: "b@customer.test", text: "hi" }).catch((e) => e);
    expect(outcome).toBeInstanceOf(ConnectorError);
    expect(outcome).toMatchObject({ kind: "retriable", code: "timeout" });
  });
});

describe("smtpFailure without a reply code", () => {
  const nodemailerError = (code: string, message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(message), { code, ...extra });

  it.each([
    ["EDNS", "getaddrinfo EAI_AGAIN mail.example.com", "retriable", "network"],
    [
      "ESOCKET",
      "Client network socket disconnected before secure TLS connection was established",
      "retriable",
      "network",
    ],
    ["ESOCKET", "self-signed certificate", "final", "network"],
    ["ETLS", "Error initiating TLS - boom", "final", "network"],
    ["EAUTH", 'Missing credentials for "PLAIN"', "final", "auth"],
    ["EENVELOPE", "No recipients defined", "final", "validation"],
    ["EMESSAGE", "Message size larger than allowed 1000", "final", "too_large"],
    ["EPROTOCOL", "Invalid greeting. response=HTTP/1.1 400 Bad Request", "final", "client_error"],
  ])("maps %s (%s) to %s %s", (code, message, kind, connectorCode) => {
    expect(smtpFailure(nodemailerError(code, message), "mail.example.com:587")).toMatchObject({
      kind,
      code: connectorCode,
    });
  });
});
