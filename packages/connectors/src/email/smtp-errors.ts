import {
  ConnectorError,
  type ConnectorErrorCode,
  PROVIDER_MESSAGE_MAX_LENGTH,
  toConnectorError,
  truncateText,
} from "@handoff/connector-sdk";

/** What nodemailer puts on its errors (smtp-connection `_formatError`), all optional. */
interface NodemailerErrorFields {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  reason?: unknown;
  rejectedErrors?: unknown;
  recipient?: unknown;
}

const AUTH_REPLIES = new Set([530, 534, 535, 538]);
/** Mailbox unknown or refused, bad address syntax, unrecognised MAIL/RCPT parameters. */
const ADDRESS_REPLIES = new Set([501, 550, 551, 553, 555]);

function fields(error: unknown): NodemailerErrorFields {
  return typeof error === "object" && error !== null ? (error as NodemailerErrorFields) : {};
}

const asString = (value: unknown) => (typeof value === "string" ? value : undefined);
const asNumber = (value: unknown) => (typeof value === "number" && Number.isInteger(value) ? value : undefined);

/** The rejections nodemailer gathers when every recipient was refused, each with its reply. */
function recipientRejections(error: NodemailerErrorFields): { replyCode?: number; text: string }[] {
  if (!Array.isArray(error.rejectedErrors)) return [];
  return error.rejectedErrors.map((rejection: unknown) => {
    const { responseCode, response, recipient } = fields(rejection);
    const text = asString(response) ?? "refused";
    const replyCode = asNumber(responseCode);
    return { ...(replyCode === undefined ? {} : { replyCode }), text: `${asString(recipient) ?? "?"}: ${text}` };
  });
}

function subjectOf(command: string | undefined): string {
  if (command === "RCPT TO") return "the recipients";
  if (command === "MAIL FROM") return "the sender";
  return "the message";
}

function permanentFailure(
  replyCode: number,
  command: string | undefined,
  server: string,
): [ConnectorErrorCode, string] {
  if (AUTH_REPLIES.has(replyCode)) {
    return ["auth", `${server} refused the login (${replyCode}); check the connection's username and password`];
  }
  if (replyCode === 552) return ["too_large", `${server} refused the message as too large (${replyCode})`];
  const what = `${server} refused ${subjectOf(command)} (${replyCode})`;
  return [ADDRESS_REPLIES.has(replyCode) ? "validation" : "client_error", what];
}

function fromReply(replyCode: number, error: NodemailerErrorFields, server: string, cause: unknown): ConnectorError {
  const command = asString(error.command);
  const rejections = recipientRejections(error);
  const providerMessage = truncateText(
    rejections.length > 0 ? rejections.map((rejection) => rejection.text).join("; ") : (asString(error.response) ?? ""),
    PROVIDER_MESSAGE_MAX_LENGTH,
  );
  const withMessage = providerMessage === "" ? {} : { providerMessage };
  // When every recipient was refused nothing was sent: one temporary refusal makes a retry worthwhile.
  const temporaryCode =
    replyCode < 500 ? replyCode : rejections.find((rejection) => (rejection.replyCode ?? 500) < 500)?.replyCode;
  if (temporaryCode !== undefined) {
    return new ConnectorError({
      ...withMessage,
      code: "server_error",
      kind: "retriable",
      status: temporaryCode,
      message: `${server} temporarily refused ${subjectOf(command)} (${temporaryCode})`,
      cause,
    });
  }
  const [code, message] = permanentFailure(replyCode, command, server);
  return new ConnectorError({ ...withMessage, code, kind: "final", status: replyCode, message, cause });
}

/**
 * OpenSSL errors carry `reason`; certificate failures say so. Both repeat on every attempt, unlike
 * a socket reset in the middle of a handshake.
 */
function isTlsSetupFailure(error: NodemailerErrorFields, message: string): boolean {
  return (
    typeof error.reason === "string" ||
    /certificate|SSL routines|Error initiating TLS|Error upgrading connection with STARTTLS/i.test(message)
  );
}

function fromClientSide(error: NodemailerErrorFields, server: string, cause: unknown): ConnectorError {
  const detail = cause instanceof Error ? cause.message.trim() : String(cause);
  switch (asString(error.code)) {
    case "ETIMEDOUT":
      return new ConnectorError({ code: "timeout", message: `${server} did not answer in time: ${detail}`, cause });
    case "ESOCKET":
    case "ECONNECTION":
    case "ETLS":
    case "EDNS":
      if (isTlsSetupFailure(error, detail)) {
        return new ConnectorError({
          code: "network",
          kind: "final",
          message: `TLS with ${server} failed (smtps:// is TLS from the start, usually port 465; smtp:// upgrades with STARTTLS, usually 587): ${detail}`,
          cause,
        });
      }
      return new ConnectorError({ code: "network", message: `could not reach ${server}: ${detail}`, cause });
    case "EAUTH":
      return new ConnectorError({ code: "auth", message: `login to ${server} failed: ${detail}`, cause });
    case "EENVELOPE":
      return new ConnectorError({ code: "validation", message: `the message cannot be sent: ${detail}`, cause });
    case "EMESSAGE":
      // nodemailer checks the SIZE the server advertised before sending anything.
      return /larger than allowed/i.test(detail)
        ? new ConnectorError({ code: "too_large", message: `${server} does not accept a message this large`, cause })
        : new ConnectorError({ code: "client_error", message: `the message cannot be sent: ${detail}`, cause });
    case "EPROTOCOL":
      return new ConnectorError({
        code: "client_error",
        message: `${server} did not answer like an SMTP server (check the connection's baseUrl): ${detail}`,
        cause,
      });
    default: {
      const normalized = toConnectorError(cause);
      return new ConnectorError({
        code: normalized.code,
        kind: normalized.kind,
        message: `sending through ${server} failed: ${normalized.message}`,
        cause,
      });
    }
  }
}

/**
 * Maps a nodemailer failure to the engine's terms. SMTP reply codes decide first (4xx temporary,
 * 5xx permanent, RFC 5321 §4.2.1); without one, nodemailer's error code says where it failed.
 */
export function smtpFailure(error: unknown, server: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const found = fields(error);
  const replyCode = asNumber(found.responseCode);
  if (replyCode !== undefined && replyCode >= 400 && replyCode < 600) return fromReply(replyCode, found, server, error);
  return fromClientSide(found, server, error);
}
