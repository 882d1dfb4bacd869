import { hashPassword, type Role } from "@handoff/auth";
import { type Database, eq, schema, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { normalizeEmail } from "./normalize-email";

export interface CreateUserOptions {
  db: Database;
  workspaceId: string;
  email: string;
  password: string;
  role: Role;
  name?: string;
  actorUserId?: string | null;
}

export class UserAlreadyExistsError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists`);
    this.name = "UserAlreadyExistsError";
  }
}

/** Creates a user and makes them a member of the workspace with the given role. */
export async function createUser({
  db,
  workspaceId,
  email,
  password,
  role,
  name = "",
  actorUserId = null,
}: CreateUserOptions) {
  const normalized = normalizeEmail(email);
  if (password.length < 8) throw new Error("The password must have at least 8 characters");
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(sql`lower(${schema.users.email})`, normalized));
    if (existing.length > 0) throw new UserAlreadyExistsError(normalized);
    const [user] = await tx.insert(schema.users).values({ email: normalized, name, passwordHash }).returning({
      id: schema.users.id,
      email: schema.users.email,
    });
    if (!user) throw new Error("Inserting the user returned no row");
    await tx.insert(schema.memberships).values({ workspaceId, userId: user.id, role });
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      after: { email: normalized, role },
    });
    return user;
  });
}
