import { connect, createServer } from "node:net";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../../server";
import { createMailSandbox, MAIL_SANDBOX_PASSWORD, MAIL_SANDBOX_USERNAME, type MailSandboxProvider } from "./index";
import { createSmtpListener } from "./smtp-listener";

const LIMIT_BYTES = 64 * 1024;

/** Sends each step and collects each whole SMTP reply, multi-line ones joined (the greeting first). */
async function rawSmtp(port: number, steps: string[]): Promise<string[]> {
  const socket = connect(port, "127.0.0.1");
  const replies: string[] = [];
  let partial: string[] = [];
  let buffered = "";
  let wake: () => void = () => {};
  socket.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("latin1");
    const lines = buffered.split("\r\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      partial.push(line);
      // `250-…` continues a reply, `250 …` ends it.
      if (!/^\d{3}( |$)/.test(line)) continue;
      replies.push(partial.join("\n"));
      partial = [];
    }
    wake();
  });
  const nextReply = async (): Promise<string> => {
    while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return replies.shift() ?? "";
  };
  try {
    const answered = [await nextReply()];
    for (const step of steps) {
      socket.write(`${step}\r\n`);
      answered.push(await nextReply());
    }
    return answered;
  } finally {
    socket.destroy();
  }
}

const plainAuth = (username: string, password: string) =>
  `AUTH PLAIN ${Buffer.from(`\0${username}\0${password}`).toString("base64")}`;

describe("mail sandbox: SMTP listener", () => {
  let sandbox: SandboxServer;
  let mail: MailSandboxProvider;

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
    mail = sandbox.providers.get("mail") as MailSandboxProvider;
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const transport = (auth?: { user: string; pass: string }) =>
    nodemailer.createTransport({ host: "127.0.0.1", port: mail.smtpPort(), secure: false, auth });
  const storedCount = () => mail.state().messages.length;
  const message = { from: "billing@acme.test", to: "jane@customer.test", subject: "hello", text: "hi" };

  it("rejects a wrong password with 535 and stores nothing", async () => {
    const sending = transport({ user: MAIL_SANDBOX_USERNAME, pass: "wrong" }).sendMail(message);
    await expect(sending).rejects.toMatchObject({ code: "EAUTH", responseCode: 535 });
    await expect(
      transport({ user: "someone-else", pass: MAIL_SANDBOX_PASSWORD }).sendMail(message),
    ).rejects.toMatchObject({ responseCode: 535 });
    expect(storedCount()).toBe(0);
  });

  it("accepts AUTH LOGIN as well as AUTH PLAIN", async () => {
    const login = nodemailer.createTransport({
      host: "127.0.0.1",
      port: mail.smtpPort(),
      auth: { user: MAIL_SANDBOX_USERNAME, pass: MAIL_SANDBOX_PASSWORD, method: "LOGIN" },
    });
    await login.sendMail(message);
    expect(storedCount()).toBe(1);
  });

  it("refuses mail from a session that did not authenticate (530)", async () => {
    await expect(transport().sendMail(message)).rejects.toMatchObject({ responseCode: 530 });
    const replies = await rawSmtp(mail.smtpPort(), ["EHLO test", "MAIL FROM:<billing@acme.test>"]);
    expect(replies[2]).toMatch(/^530 /);
    expect(storedCount()).toBe(0);
  });

  it("does not offer STARTTLS but does offer AUTH over plaintext", async () => {
    const [, ehlo] = await rawSmtp(mail.smtpPort(), ["EHLO test"]);
    expect(ehlo).toMatch(/AUTH PLAIN LOGIN/);
    expect(ehlo).not.toMatch(/STARTTLS/);
    expect(ehlo).toMatch(new RegExp(`SIZE ${LIMIT_BYTES}`));
  });

  it("refuses an oversized message with 552, whether or not the client declared its size", async () => {
    const big = { ...message, text: "x".repeat(LIMIT_BYTES * 2) };
    const sending = transport({ user: MAIL_SANDBOX_USERNAME, pass: MAIL_SANDBOX_PASSWORD }).sendMail(big);
    await expect(sending).rejects.toMatchObject({ responseCode: 552 });

    const body = `Subject: big\r\n\r\n${`${"y".repeat(76)}\r\n`.repeat(Math.ceil((LIMIT_BYTES * 2) / 78))}.`;
    const replies = await rawSmtp(mail.smtpPort(), [
      "EHLO test",
      plainAuth(MAIL_SANDBOX_USERNAME, MAIL_SANDBOX_PASSWORD),
      "MAIL FROM:<billing@acme.test>",
      "RCPT TO:<jane@customer.test>",
      "DATA",
      body,
    ]);
    expect(replies.slice(2)).toEqual([
      expect.stringMatching(/^235 /),
      expect.stringMatching(/^250 /),
      expect.stringMatching(/^250 /),
      expect.stringMatching(/^354 /),
      expect.stringMatching(/^552 .*maximum message size/),
    ]);
    expect(storedCount()).toBe(0);
  });

  it("accepts a message just under the limit over a raw conversation", async () => {
    const replies = await rawSmtp(mail.smtpPort(), [
      "EHLO test",
      plainAuth(MAIL_SANDBOX_USERNAME, MAIL_SANDBOX_PASSWORD),
      "MAIL FROM:<>",
      "RCPT TO:<jane@customer.test>",
      "DATA",
      "Subject: raw\r\nTo: jane@customer.test\r\n\r\nhello raw\r\n.",
    ]);
    expect(replies.at(-1)).toMatch(/^250 OK: queued as msg_\d+/);
    expect(mail.state().messages).toMatchObject([
      { envelope: { from: "", to: ["jane@customer.test"] }, subject: "raw", text: "hello raw" },
    ]);
  });
});

describe("mail sandbox: lifecycle and open mode", () => {
  it("frees its SMTP port on close()", async () => {
    const sandbox = await startSandboxServer({ port: 0, providers: [createMailSandbox({ smtpPort: 0 })] });
    const port = (sandbox.providers.get("mail") as MailSandboxProvider).smtpPort();
    await sandbox.close();
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once("error", reject);
      probe.listen(port, "127.0.0.1", resolve);
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });

  it("fails to listen on a port that is already taken", async () => {
    const first = createSmtpListener({ port: 0, host: "127.0.0.1", maxMessageBytes: 1024, onMessage: async () => "" });
    await first.listen();
    const second = createSmtpListener({
      port: first.port(),
      host: "127.0.0.1",
      maxMessageBytes: 1024,
      onMessage: async () => "",
    });
    await expect(second.listen()).rejects.toMatchObject({ code: "EADDRINUSE" });
    await first.close();
  });

  it("accepts unauthenticated mail when no credentials are configured", async () => {
    const sandbox = await startSandboxServer({ port: 0, providers: [createMailSandbox({ smtpPort: 0 })] });
    try {
      const mail = sandbox.providers.get("mail") as MailSandboxProvider;
      const open = nodemailer.createTransport({ host: "127.0.0.1", port: mail.smtpPort() });
      await open.sendMail({ from: "a@acme.test", to: "b@other.test", subject: "open", text: "hi" });
      expect(mail.state()).toMatchObject({ smtp: { authRequired: false }, messages: [{ subject: "open" }] });
    } finally {
      await sandbox.close();
    }
  });
});
