import { createHash, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { CapturedMessage } from "./store";

export type Envelope = CapturedMessage["envelope"];

export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** When set, every session must AUTH (PLAIN or LOGIN) with exactly these before MAIL FROM. */
  credentials?: { username: string; password: string };
  maxMessageBytes: number;
  /** Stores one accepted message; the answer becomes the text of the `250` reply. */
  onMessage: (raw: Buffer, envelope: Envelope) => Promise<string>;
}

export interface SmtpListener {
  listen: () => Promise<void>;
  close: () => Promise<void>;
  /** The bound port once listening (port 0 picks a free one), else the configured one. */
  port: () => number;
}

/** A stuck client must not hold `close()` for smtp-server's default 30 s. */
const CLOSE_TIMEOUT_MS = 1_000;

export function createSmtpListener(options: SmtpListenerOptions): SmtpListener {
  let server: SMTPServer | undefined;

  function build(): SMTPServer {
    const { credentials, maxMessageBytes } = options;
    return new SMTPServer({
      banner: "Handoff mail sandbox",
      logger: false,
      // Local plaintext only: no certificate to manage, and AUTH over plaintext is fine on loopback.
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authOptional: !credentials,
      authMethods: ["PLAIN", "LOGIN"],
      size: maxMessageBytes,
      rejectOversized: true,
      closeTimeout: CLOSE_TIMEOUT_MS,
      onAuth(auth, _session, callback) {
        // Without configured credentials any login is accepted, like a permissive dev relay.
        if (!credentials) return callback(null, { user: auth.username ?? "" });
        const valid =
          sameSecret(auth.username ?? "", credentials.username) &&
          sameSecret(auth.password ?? "", credentials.password);
        if (!valid) return callback(smtpError(535, "Error: Authentication credentials invalid"));
        callback(null, { user: credentials.username });
      },
      onData(stream, session, callback) {
        collect(stream).then(
          (raw) => {
            if (stream.sizeExceeded)
              return callback(smtpError(552, `Error: message exceeds fixed maximum message size ${maxMessageBytes}`));
            options.onMessage(raw, envelopeOf(session)).then(
              (reply) => callback(null, reply),
              (error: unknown) => callback(smtpError(451, `Error: could not store the message: ${String(error)}`)),
            );
          },
          (error: unknown) => callback(smtpError(451, `Error: could not read the message: ${String(error)}`)),
        );
      },
    });
  }

  return {
    async listen() {
      if (server) return;
      const candidate = build();
      await new Promise<void>((resolve, reject) => {
        candidate.once("error", reject);
        candidate.listen(options.port, options.host, () => {
          candidate.off("error", reject);
          resolve();
        });
      });
      // Client-side resets surface as server errors; an unhandled one would crash the sandbox.
      candidate.on("error", () => {});
      server = candidate;
    },
    async close() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    port() {
      const address = server?.server.address() as AddressInfo | null | undefined;
      return address?.port ?? options.port;
    },
  };
}

/** Reads the DATA stream whole, dropping bytes once over the limit (the 552 needs no content). */
function collect(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

function envelopeOf(session: SMTPServerSession): Envelope {
  const { mailFrom, rcptTo } = session.envelope;
  return { from: mailFrom ? mailFrom.address : "", to: rcptTo.map((recipient) => recipient.address) };
}

/** smtp-server replies with `responseCode` when an error carries one. */
function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

/** Hashing first gives equal lengths, so the comparison stays constant-time for any input. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
