import type { Role } from "@handoff/auth";
import { and, asc, type Database, eq, isNull, schema } from "@handoff/db";

export interface SessionMember {
  userId: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
}

export interface ResolveSessionMemberOptions {
  db: Database;
  userId: string;
  sessionVersion: number;
}

/**
 * Turns a session token's claims into the member it speaks for, checked against the database on
 * every call: a removed, disabled or signed-out-everywhere user gets null at once.
 */
export async function resolveSessionMember({
  db,
  userId,
  sessionVersion,
}: ResolveSessionMemberOptions): Promise<SessionMember | null> {
  const [row] = await db
    .select({
      userId: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      sessionVersion: schema.users.sessionVersion,
      workspaceId: schema.workspaces.id,
      workspaceName: schema.workspaces.name,
      role: schema.memberships.role,
    })
    .from(schema.users)
    .innerJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
    .innerJoin(schema.workspaces, eq(schema.workspaces.id, schema.memberships.workspaceId))
    .where(and(eq(schema.users.id, userId), isNull(schema.users.disabledAt)))
    .orderBy(asc(schema.memberships.createdAt))
    .limit(1);
  if (!row || row.sessionVersion !== sessionVersion) return null;
  const { sessionVersion: _current, ...member } = row;
  return member;
}
