import type { SandboxContext, SandboxProvider } from "../../types";
import {
  MAIL_SANDBOX_MAX_MESSAGE_BYTES,
  MAIL_SANDBOX_PASSWORD,
  MAIL_SANDBOX_SMTP_PORT,
  MAIL_SANDBOX_USERNAME,
} from "./fixtures";
import { parseCapturedMessage } from "./parse-message";
import { handleMailRequest } from "./routes";
import { createSmtpListener } from "./smtp-listener";
import { type CapturedMessage, MailStore } from "./store";

export * from "./fixtures";
export type { CapturedAttachment, CapturedMessage, MailAddress } from "./store";

export interface MailSandboxOptions {
  /** 0 picks a free port: read it back with `smtpPort()` or `state().smtp.port`. */
  smtpPort: number;
  smtpHost?: string;
  /** When either is set, SMTP sessions must AUTH with exactly these (535 otherwise). */
  username?: string;
  password?: string;
  /** Larger messages are refused with 552. */
  maxMessageBytes?: number;
}

export interface MailSandboxState {
  smtp: { host: string; port: number; authRequired: boolean };
  messages: CapturedMessage[];
}

export interface MailSandboxProvider extends SandboxProvider {
  key: "mail";
  state: () => MailSandboxState;
  smtpHost: () => string;
  smtpPort: () => number;
}

/**
 * A local SMTP server that captures every message, so the email connector can be tested end to
 * end over real SMTP and the mailbox inspected over HTTP (`/mail/messages`) or `state()`.
 */
export function createMailSandbox(options: MailSandboxOptions): (context: SandboxContext) => MailSandboxProvider {
  return (context) => {
    const host = options.smtpHost ?? "127.0.0.1";
    const authRequired = options.username !== undefined || options.password !== undefined;
    const store = new MailStore();
    const smtp = createSmtpListener({
      port: options.smtpPort,
      host,
      credentials: authRequired ? { username: options.username ?? "", password: options.password ?? "" } : undefined,
      maxMessageBytes: options.maxMessageBytes ?? MAIL_SANDBOX_MAX_MESSAGE_BYTES,
      async onMessage(raw, envelope) {
        const id = store.nextId();
        const receivedAt = context.clock.now().toISOString();
        store.add(await parseCapturedMessage({ id, receivedAt, envelope, raw }));
        return `OK: queued as ${id}`;
      },
    });

    return {
      key: "mail",
      handle: (request) => handleMailRequest(store, request),
      reset: () => store.reset(),
      state: () => ({ smtp: { host, port: smtp.port(), authRequired }, messages: store.list() }),
      admin(action) {
        // Nothing in a mailbox depends on time, but the clock calls `tick` on every provider.
        if (action === "tick") return { status: 200, body: {} };
        return { status: 404, body: { error: `the mail sandbox has no action "${action}"` } };
      },
      listen: () => smtp.listen(),
      close: () => smtp.close(),
      smtpHost: () => host,
      smtpPort: () => smtp.port(),
    };
  };
}

/** What `handoff sandbox serve` mounts: the seeded credentials on the fixed dev port. */
export function createSeededMailSandbox(
  smtpPort: number = MAIL_SANDBOX_SMTP_PORT,
): (context: SandboxContext) => MailSandboxProvider {
  return createMailSandbox({
    smtpPort,
    username: MAIL_SANDBOX_USERNAME,
    password: MAIL_SANDBOX_PASSWORD,
  });
}
