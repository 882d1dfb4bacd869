import { and, type Database, eq, ne, schema } from "@handoff/db";
import { LastOwnerError } from "./errors";

type Executor = Pick<Database, "select">;

export interface AssertAnotherOwnerOptions {
  db: Executor;
  workspaceId: string;
  /** The owner about to be demoted or removed. */
  userId: string;
  action: "demote" | "remove";
}

/** Call inside the change's transaction, after `lockWorkspaceMembers`. */
export async function assertAnotherOwnerRemains({ db, workspaceId, userId, action }: AssertAnotherOwnerOptions) {
  const [otherOwner] = await db
    .select({ userId: schema.memberships.userId })
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.workspaceId, workspaceId),
        eq(schema.memberships.role, "owner"),
        ne(schema.memberships.userId, userId),
      ),
    )
    .limit(1);
  if (!otherOwner) throw new LastOwnerError(action);
}
