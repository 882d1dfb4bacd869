import { and, type Database, eq, schema } from "@handoff/db";
import { MemberNotFoundError } from "./errors";

type Executor = Pick<Database, "select">;

/** The member's role and email, or MemberNotFoundError when they are not in this workspace. */
export async function findMembership({
  db,
  workspaceId,
  userId,
}: {
  db: Executor;
  workspaceId: string;
  userId: string;
}) {
  const [membership] = await db
    .select({ userId: schema.users.id, email: schema.users.email, role: schema.memberships.role })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(eq(schema.memberships.workspaceId, workspaceId), eq(schema.memberships.userId, userId)));
  if (!membership) throw new MemberNotFoundError();
  return membership;
}
