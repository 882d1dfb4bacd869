import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../../server";
import {
  type CapturedMessage,
  createMailSandbox,
  MAIL_SANDBOX_PASSWORD,
  MAIL_SANDBOX_USERNAME,
  type MailSandboxProvider,
  type MailSandboxState,
} from "./index";

describe("mail sandbox: capture and HTTP mailbox", () => {
  let sandbox: SandboxServer;
  let mail: MailSandboxProvider;

  beforeAll(async () => {
    sandbox = await startSandboxServer({
      port: 0,
      providers: [createMailSandbox({ smtpPort: 0, username: MAIL_SANDBOX_USERNAME, password: MAIL_SANDBOX_PASSWORD })],
    });
    mail = sandbox.providers.get("mail") as MailSandboxProvider;
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const transport = () =>
    nodemailer.createTransport({
      host: "127.0.0.1",
      port: mail.smtpPort(),
      secure: false,
      auth: { user: MAIL_SANDBOX_USERNAME, pass: MAIL_SANDBOX_PASSWORD },
    });
  const getJson = async (path: string) => {
    const response = await fetch(`${sandbox.url}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const listMessages = async (query = "") =>
    ((await getJson(`/mail/messages${query}`)).body as { messages: CapturedMessage[] }).messages;

  const sendInvoiceMail = (subject = "Your invoice INV-0042") =>
    transport().sendMail({
      from: '"Acme Plumbing" <billing@acme.test>',
      to: "Jane Doe <jane@customer.test>",
      cc: "books@acme.test",
      bcc: "audit@acme.test",
      replyTo: "owner@acme.test",
      subject,
      text: "Hi Jane, your invoice is attached.",
      html: "<p>Hi Jane, your invoice is <b>attached</b>.</p>",
      headers: { "X-Handoff-Run": "run_123" },
      attachments: [{ filename: "INV-0042.pdf", content: Buffer.alloc(2048, 1), contentType: "application/pdf" }],
    });

  it("listens on a real port when asked for port 0 and reports it in state()", async () => {
    expect(mail.smtpPort()).toBeGreaterThan(0);
    const { status, body } = await getJson("/_sandbox/state?provider=mail");
    expect(status).toBe(200);
    expect(body).toEqual({
      smtp: { host: "127.0.0.1", port: mail.smtpPort(), authRequired: true },
      messages: [],
    } satisfies MailSandboxState);
  });

  it("captures an authenticated message with its envelope, bodies, recipients and attachments", async () => {
    const info = await sendInvoiceMail();
    const [message, ...others] = await listMessages();
    expect(others).toEqual([]);
    expect(info.response).toContain(`queued as ${message?.id}`);
    expect(message).toMatchObject({
      envelope: {
        from: "billing@acme.test",
        to: ["jane@customer.test", "books@acme.test", "audit@acme.test"],
      },
      messageId: info.messageId,
      from: [{ name: "Acme Plumbing", address: "billing@acme.test" }],
      to: [{ name: "Jane Doe", address: "jane@customer.test" }],
      cc: [{ name: "", address: "books@acme.test" }],
      subject: "Your invoice INV-0042",
      text: "Hi Jane, your invoice is attached.",
      html: "<p>Hi Jane, your invoice is <b>attached</b>.</p>",
      attachments: [{ filename: "INV-0042.pdf", contentType: "application/pdf", size: 2048 }],
    });
    expect(message?.headers).toMatchObject({
      "x-handoff-run": "run_123",
      "reply-to": "owner@acme.test",
      "message-id": info.messageId,
    });
    expect(message?.headers).not.toHaveProperty("subject");
    expect((await getJson("/_sandbox/state?provider=mail")).body.messages).toEqual([message]);
  });

  it("reads one message by id and answers 404 for an unknown one", async () => {
    await sendInvoiceMail();
    const [message] = await listMessages();
    expect(await getJson(`/mail/messages/${message?.id}`)).toEqual({ status: 200, body: message });
    expect(await getJson("/mail/messages/msg_missing")).toEqual({
      status: 404,
      body: { error: 'no message with id "msg_missing"' },
    });
  });

  it("filters by any recipient and by subject, newest last", async () => {
    await sendInvoiceMail("Invoice A");
    await transport().sendMail({ from: "a@acme.test", to: "bob@other.test", subject: "Welcome Bob", text: "hi" });
    await sendInvoiceMail("Invoice B");
    expect((await listMessages()).map((m) => m.subject)).toEqual(["Invoice A", "Welcome Bob", "Invoice B"]);
    expect((await listMessages("?to=JANE@customer.test")).map((m) => m.subject)).toEqual(["Invoice A", "Invoice B"]);
    // Bcc recipients appear only in the envelope, and still match.
    expect((await listMessages("?to=audit@acme.test")).length).toBe(2);
    expect((await listMessages("?subject=welcome")).map((m) => m.subject)).toEqual(["Welcome Bob"]);
    expect(await listMessages("?to=jane@customer.test&subject=welcome")).toEqual([]);
  });

  it("keeps text-only mail without inventing an html body", async () => {
    await transport().sendMail({ from: "a@acme.test", to: "bob@other.test", subject: "plain", text: "just text" });
    const [message] = await listMessages();
    expect(message).toMatchObject({ text: "just text", html: null, cc: [], attachments: [] });
  });

  it("stamps receivedAt with the sandbox clock", async () => {
    await fetch(`${sandbox.url}/_sandbox/clock`, {
      method: "POST",
      body: JSON.stringify({ set: "2031-05-04T10:00:00.000Z" }),
    });
    await sendInvoiceMail();
    const [message] = await listMessages();
    const drift = Date.parse(message?.receivedAt ?? "") - Date.parse("2031-05-04T10:00:00.000Z");
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(10_000);
  });

  it("clears the mailbox with DELETE and with the sandbox reset", async () => {
    await sendInvoiceMail();
    await sendInvoiceMail();
    const deleted = await fetch(`${sandbox.url}/mail/messages`, { method: "DELETE" });
    expect(await deleted.json()).toEqual({ deleted: 2 });
    expect(await listMessages()).toEqual([]);

    await sendInvoiceMail();
    expect((await listMessages()).length).toBe(1);
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    expect(await listMessages()).toEqual([]);
  });

  it("answers tick with 200 and unknown actions, routes and methods with errors", async () => {
    const tick = await fetch(`${sandbox.url}/_sandbox/mail/tick`, { method: "POST" });
    expect(tick.status).toBe(200);
    const unknown = await fetch(`${sandbox.url}/_sandbox/mail/explode`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect((await getJson("/mail/outbox")).status).toBe(404);
    const wrongMethod = await fetch(`${sandbox.url}/mail/messages`, { method: "POST", body: "{}" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, DELETE");
  });
});
