import { hashPassword, verifyPassword } from "@handoff/auth";
import { type Database, eq, schema, sql } from "@handoff/db";
import { ExistingAccountPasswordError, MemberInputError } from "./errors";

type Executor = Pick<Database, "select" | "insert">;

export interface ResolveJoiningUserOptions {
  db: Executor;
  /** The invitation's email, already normalised. */
  email: string;
  name: string;
  password: string;
}

/**
 * The user an accepted invitation makes a member: a new account, or the existing account with
 * that email when its owner proves it with its password. An existing account's password and name
 * are never changed by joining, or an invite link would be a way to take over an account.
 */
export async function resolveJoiningUser({ db, email, name, password }: ResolveJoiningUserOptions) {
  const [existing] = await db
    .select({ id: schema.users.id, passwordHash: schema.users.passwordHash, disabledAt: schema.users.disabledAt })
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, email));
  if (existing) {
    if (existing.disabledAt) throw new MemberInputError("The account with this email is disabled");
    if (!(await verifyPassword(existing.passwordHash, password))) throw new ExistingAccountPasswordError();
    return { userId: existing.id, existingAccount: true };
  }
  if (!name) throw new MemberInputError("Enter your name");
  const [created] = await db
    .insert(schema.users)
    .values({ email, name, passwordHash: await hashPassword(password) })
    .returning({ id: schema.users.id });
  if (!created) throw new Error("Inserting the user returned no row");
  return { userId: created.id, existingAccount: false };
}
