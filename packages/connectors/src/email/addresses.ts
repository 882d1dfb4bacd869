import addressparser from "nodemailer/lib/addressparser/index.js";
import { z } from "zod";

/** One mailbox as nodemailer takes it: it encodes non-ASCII display names itself. */
export const ZMailbox = z.object({ name: z.string(), address: z.email() });
export type Mailbox = z.output<typeof ZMailbox>;

const isEmail = (value: string) => z.email().safeParse(value).success;

/**
 * Parses `Name <a@x.com>, b@y.com` (or an array of such strings) into mailboxes. A real address
 * parser, not a comma split: display names may be quoted and contain commas ("Doe, Jane").
 */
function parseMailboxes(input: string | readonly string[], ctx: z.RefinementCtx): Mailbox[] {
  const parts = typeof input === "string" ? [input] : input;
  const mailboxes: Mailbox[] = [];
  for (const part of parts) {
    // Groups (`Team: a@x, b@x;`) are flattened: every member is a recipient.
    for (const { name, address } of addressparser(part, { flatten: true })) {
      if (!isEmail(address)) {
        ctx.addIssue({
          code: "custom",
          message: `"${address || name}" is not an email address; write jane@example.com or Jane Doe <jane@example.com>`,
        });
        continue;
      }
      mailboxes.push({ name, address });
    }
  }
  return mailboxes;
}

const ZAddressInput = z.union([z.string(), z.array(z.string())]);

/** One or more recipients: a comma-separated string or an array, each `email` or `Name <email>`. */
export const ZAddressList = ZAddressInput.transform((input, ctx) => parseMailboxes(input, ctx)).pipe(
  z.array(ZMailbox).min(1, "Enter at least one email address"),
);

/**
 * Like `ZAddressList` but may be left empty: an unset cc that a template resolved to "" is simply
 * no cc, not an error.
 */
export const ZOptionalAddressList = ZAddressInput.optional().transform((input, ctx) =>
  input === undefined ? [] : parseMailboxes(input, ctx),
);

/** Exactly one sender, `email` or `Name <email>`. */
export const ZSender = z
  .string()
  .transform((input, ctx) => parseMailboxes(input, ctx))
  .pipe(z.tuple([ZMailbox], { error: "Enter exactly one sender address" }))
  .transform(([sender]) => sender);
