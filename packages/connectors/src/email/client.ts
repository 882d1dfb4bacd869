import { type ActionConnection, ConnectorError } from "@handoff/connector-sdk";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { smtpFailure } from "./smtp-errors";
import { describeSmtpServer, parseSmtpUrl } from "./smtp-url";

export interface SmtpTimeouts {
  /** TCP (and, for smtps, TLS) connection established. */
  connectionMs: number;
  /** The server's 220 greeting after connecting. */
  greetingMs: number;
  /** Silence on an open connection, e.g. a server that never answers DATA. */
  socketMs: number;
}

/** Generous for a slow relay, short enough that a dead one frees the worker well before a step times out. */
export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

export type SentMail = {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. "250 2.0.0 OK queued as 4Xy…". */
  response: string;
};

export interface SmtpClient {
  /** `host:port`, for messages and logs. */
  server: string;
  send(message: Mail.Options): Promise<SentMail>;
}

const addressOf = (entry: string | Mail.Address) => (typeof entry === "string" ? entry : entry.address);

/**
 * One SMTP session per send (no pool): a step sends one message, and a pooled connection would
 * outlive the step and hold the credentials in memory between runs.
 */
export function createSmtpClient(
  connection: ActionConnection | null,
  options: { timeouts?: SmtpTimeouts } = {},
): SmtpClient {
  if (!connection) {
    throw new ConnectorError({ code: "auth", message: "choose an Email connection for this step" });
  }
  const smtp = parseSmtpUrl(connection.baseUrl);
  const server = describeSmtpServer(smtp);
  const username = connection.credentials.username;
  if (username === undefined || username === "") {
    throw new ConnectorError({ code: "auth", message: "the connection has no username; reconnect the account" });
  }
  const timeouts = options.timeouts ?? DEFAULT_SMTP_TIMEOUTS;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: { user: username, pass: connection.credentials.password ?? "" },
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    // Props are plain strings, but nodemailer would also read `path`/`href` contents from disk or
    // the network; nothing a flow sends should be able to ask for that.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    server,
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        return {
          messageId: info.messageId,
          accepted: info.accepted.map(addressOf),
          rejected: info.rejected.map(addressOf),
          response: info.response,
        };
      } catch (error) {
        throw smtpFailure(error, server);
      } finally {
        transport.close();
      }
    },
  };
}
