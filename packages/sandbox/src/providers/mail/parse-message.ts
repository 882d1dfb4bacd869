import { type AddressObject, type EmailAddress, type HeaderLines, simpleParser } from "mailparser";
import type { CapturedMessage, MailAddress } from "./store";

/**
 * Headers worth asserting on beyond the parsed fields: threading, reply routing, list hygiene.
 * Every `x-*` header is kept as well, since connectors tag their mail that way.
 */
const INTERESTING_HEADERS = new Set([
  "date",
  "message-id",
  "in-reply-to",
  "references",
  "reply-to",
  "return-path",
  "list-unsubscribe",
  "auto-submitted",
  "precedence",
  "content-type",
  "mime-version",
]);

export interface ReceivedMail {
  id: string;
  receivedAt: string;
  envelope: CapturedMessage["envelope"];
  raw: Buffer;
}

export async function parseCapturedMessage({ id, receivedAt, envelope, raw }: ReceivedMail): Promise<CapturedMessage> {
  // No derived bodies (text from html or back) and no cid: → data: rewriting: the mailbox shows
  // what the client actually sent, which is what a connector test asserts on.
  const parsed = await simpleParser(withoutFinalLineBreak(raw), {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipHtmlToText: true,
  });
  return {
    id,
    receivedAt,
    envelope,
    messageId: parsed.messageId ?? null,
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? null,
    text: parsed.text || null,
    html: parsed.html || null,
    headers: interestingHeaders(parsed.headerLines),
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType,
      size: attachment.size,
    })),
  };
}

/**
 * Every SMTP message ends with CRLF before the terminating dot; mailparser would keep it as part of
 * a single-part body, turning `text: "hi"` into `"hi\r\n"`.
 */
function withoutFinalLineBreak(raw: Buffer): Buffer {
  if (raw.subarray(-2).toString("latin1") === "\r\n") return raw.subarray(0, -2);
  return raw.subarray(-1).toString("latin1") === "\n" ? raw.subarray(0, -1) : raw;
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => flatten(object.value));
}

/** Group syntax (`Team: a@x, b@x;`) nests addresses; a recipient list wants them flat. */
function flatten(entries: EmailAddress[]): MailAddress[] {
  return entries.flatMap((entry) =>
    entry.group ? flatten(entry.group) : entry.address ? [{ name: entry.name, address: entry.address }] : [],
  );
}

/** Raw header values (unfolded), so what the client wrote is what the test sees. */
function interestingHeaders(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    if (!INTERESTING_HEADERS.has(key) && !key.startsWith("x-")) continue;
    const value = line
      .slice(line.indexOf(":") + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}
