/** Seeded SMTP credentials: the email connector's tests and the demo workspace log in with these. */
export const MAIL_SANDBOX_USERNAME = "handoff-sandbox";
export const MAIL_SANDBOX_PASSWORD = "mail_test_5f1c9a7e2b";

/** The SMTP port `handoff sandbox serve` listens on (2525: unprivileged, and the usual dev-relay port). */
export const MAIL_SANDBOX_SMTP_PORT = 2525;

/** Same order of magnitude as hosted relays (Gmail 25 MB, SES 10 MB), small enough to test. */
export const MAIL_SANDBOX_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
