import { burnPasswordCheck, verifyPassword } from "@handoff/auth";
import { type Database, eq, schema, sql } from "@handoff/db";
import { normalizeEmail } from "./normalize-email";

export interface AuthenticateUserOptions {
  db: Database;
  email: string;
  password: string;
}

/** Resolves to the user when the password matches; null otherwise, whatever the reason. */
export async function authenticateUser({ db, email, password }: AuthenticateUserOptions) {
  const [user] = await db
    .select()
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, normalizeEmail(email)));
  if (!user || user.disabledAt) return burnPasswordCheck(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
