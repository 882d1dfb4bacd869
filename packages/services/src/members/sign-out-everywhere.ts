import { type Database, eq, schema, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";

export interface SignOutEverywhereOptions {
  db: Database;
  userId: string;
  /** The workspace whose audit trail shows it; the signed-in member's workspace. */
  workspaceId?: string | null;
}

/**
 * Ends every open session of the user, in every browser: sessions carry the version they were
 * issued with, and every call compares it with this one.
 */
export async function signOutEverywhere({ db, userId, workspaceId = null }: SignOutEverywhereOptions) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(schema.users)
      .set({ sessionVersion: sql`${schema.users.sessionVersion} + 1` })
      .where(eq(schema.users.id, userId))
      .returning({ email: schema.users.email, sessionVersion: schema.users.sessionVersion });
    if (!user) throw new Error(`User ${userId} not found`);
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId: userId,
      action: "user.signed_out_everywhere",
      targetType: "user",
      targetId: userId,
      after: { email: user.email },
    });
    return { sessionVersion: user.sessionVersion };
  });
}
