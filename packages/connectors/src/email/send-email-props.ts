import { z } from "zod";
import { ZAddressList, ZOptionalAddressList, ZSender } from "./addresses";

/** RFC 5322 field names: printable ASCII except the colon. */
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;

/**
 * Headers the props or the action own. Message-ID in particular is derived from the step's
 * idempotency key, so a user value would break the recognisability of a resent message.
 */
const RESERVED_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "reply-to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "x-handoff-idempotency-key",
]);

/** Subjects are one line; a template that pulled in a multi-line value is flattened, not refused. */
const ZSubject = z
  .string()
  .transform((subject) => subject.replace(/\s*[\r\n]+\s*/g, " ").trim())
  .pipe(z.string().min(1, "Enter a subject"));

/**
 * When the customer agreed to receive messages, recorded with the send as evidence of consent.
 * An offset is required: a local time would be read in whatever zone the worker runs in. Stored
 * in UTC so every send's consent compares the same way in an export.
 */
const ZConsentAt = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()))
  .pipe(
    z.iso
      .datetime({
        offset: true,
        error: "Consent given at (consentAt) must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T09:30:00Z",
      })
      .transform((value) => new Date(value).toISOString())
      .optional(),
  );

/** A template that resolved to nothing counts as no body, so "at least one body" stays meaningful. */
const ZBody = z
  .string()
  .optional()
  .transform((body) => (body === undefined || body.trim() === "" ? undefined : body));

export const ZSendEmailProps = z
  .object({
    from: ZSender.describe("Sender: jane@example.com or Jane Doe <jane@example.com>"),
    to: ZAddressList.describe("Recipients: comma-separated, or a list"),
    cc: ZOptionalAddressList.describe("Copy to (optional)"),
    bcc: ZOptionalAddressList.describe("Blind copy to (optional)"),
    replyTo: ZOptionalAddressList.describe("Where replies go, when not to the sender (optional)"),
    subject: ZSubject.describe("Subject line"),
    text: ZBody.describe("Plain-text body"),
    html: ZBody.describe("HTML body"),
    headers: z
      .record(z.string(), z.string().regex(HEADER_VALUE, "Header values cannot contain line breaks"))
      // Checked here rather than on the key schema: zod reports a bad record key only as "Invalid key in record".
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers)) {
          if (!HEADER_NAME.test(name)) {
            ctx.addIssue({ code: "custom", path: [name], message: "Header names are printable ASCII without ':'" });
          } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
            ctx.addIssue({ code: "custom", path: [name], message: `${name} is set by the action, not as a header` });
          }
        }
      })
      .default({})
      .describe("Extra headers, e.g. X-Campaign"),
    consentAt: ZConsentAt.meta({
      title: "Consent given at",
      description: "When the customer agreed to receive this message; recorded with the send",
    }),
  })
  .superRefine((props, ctx) => {
    if (props.text === undefined && props.html === undefined) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "Enter a text or an HTML body (or both)" });
    }
  });

export type SendEmailProps = z.output<typeof ZSendEmailProps>;
