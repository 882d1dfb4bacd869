import { createHash } from "node:crypto";
import { ConnectorError, defineAction } from "@handoff/connector-sdk";
import { createSmtpClient, type SentMail } from "./client";
import { ZSendEmailProps } from "./send-email-props";

export const IDEMPOTENCY_HEADER = "X-Handoff-Idempotency-Key";

/**
 * SMTP has no idempotency and nothing to search before sending, so a step retried after the
 * server accepted the message (its 250 reply lost) sends it again. Every attempt of a step
 * carries the same Message-ID, derived from the idempotency key, so such a resend is recognisable
 * (and threaded, or dropped, by clients that de-duplicate on Message-ID).
 */
export function messageIdFor(idempotencyKey: string): string {
  return `<${createHash("sha256").update(idempotencyKey, "utf8").digest("hex")}@handoff.local>`;
}

/** What the step records: the server's answer, plus the consent the send relied on when the flow gave one. */
export type SentEmail = SentMail & { consentAt?: string };

export const sendEmailAction = defineAction({
  key: "send-email",
  name: "Send email",
  description: "Sends an email through your SMTP server, in text, HTML or both.",
  props: ZSendEmailProps,
  sideEffect: true,
  sampleOutput: {
    messageId: "<0c054772b897cb576dc52111af36a07c65b8c71bdb3fbde4613c119b16d44eba@handoff.local>",
    accepted: ["jane.roe@example.com"],
    rejected: [],
    response: "250 2.0.0 OK: queued as 4XyZ1a2b3c",
    consentAt: "2026-03-01T09:30:00.000Z",
  } satisfies SentEmail,
  async run(ctx): Promise<SentEmail> {
    const { props } = ctx;
    const client = createSmtpClient(ctx.connection);
    // Checked once, before connecting: a send given up half-way could still be delivered, and
    // then be sent again by the retry, so a started send runs to its end (bounded by the timeouts).
    if (ctx.signal.aborted) {
      throw new ConnectorError({ code: "aborted", message: "the step was cancelled before the email was sent" });
    }
    const messageId = messageIdFor(ctx.idempotencyKey);
    // Counts only: addresses are customers' personal data and logs are kept longer than runs.
    ctx.log("Sending email", {
      server: client.server,
      messageId,
      recipients: props.to.length + props.cc.length + props.bcc.length,
    });
    const sent = await client.send({
      messageId,
      from: props.from,
      to: props.to,
      ...(props.cc.length > 0 ? { cc: props.cc } : {}),
      ...(props.bcc.length > 0 ? { bcc: props.bcc } : {}),
      ...(props.replyTo.length > 0 ? { replyTo: props.replyTo } : {}),
      subject: props.subject,
      ...(props.text === undefined ? {} : { text: props.text }),
      ...(props.html === undefined ? {} : { html: props.html }),
      headers: { ...props.headers, [IDEMPOTENCY_HEADER]: ctx.idempotencyKey },
    });
    // Some recipients refused and others accepted is a success: the message went out, and a
    // retry would send it twice to those who got it.
    if (sent.rejected.length > 0) ctx.log("Some recipients were refused", { refused: sent.rejected.length });
    ctx.log("Email accepted", { server: client.server, accepted: sent.accepted.length, response: sent.response });
    // Kept in the step output so a customer data export can show which consent each message relied on.
    return props.consentAt === undefined ? sent : { ...sent, consentAt: props.consentAt };
  },
});
