import { type Database, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../flows/errors";
import type { AttentionKind } from "./list-attention";

export class AttentionInputError extends Error {
  override name = "AttentionInputError";
}

interface ItemRef {
  db: Database;
  workspaceId: string;
  kind: AttentionKind;
  id: string;
  actorUserId: string | null;
}

/** Puts a person on an item (or nobody, with null); they must be a member of the workspace. */
export async function assignAttention({ assigneeUserId, ...ref }: ItemRef & { assigneeUserId: string | null }) {
  return ref.db.transaction(async (tx) => {
    await assertItem(tx, ref);
    if (assigneeUserId) {
      const member = await tx.execute(
        sql`select 1 from memberships where workspace_id = ${ref.workspaceId} and user_id = ${assigneeUserId}`,
      );
      if (member.rows.length === 0) throw new AttentionInputError("Assign the item to someone in this workspace");
    }
    const before = await upsertNote(tx, ref, sql`assigned_to = ${assigneeUserId}`);
    await recordAudit({
      db: tx,
      workspaceId: ref.workspaceId,
      actorUserId: ref.actorUserId,
      action: "attention.assigned",
      targetType: ref.kind,
      targetId: ref.id,
      before: { assignedTo: before?.assigned_to ?? null },
      after: { assignedTo: assigneeUserId },
    });
  });
}

/**
 * Takes an item out of the queue for a stated reason (handled by phone, a test delivery, …). An
 * identity conflict dismissed is closed as such in the review queue too.
 */
export async function dismissAttention({ reason, ...ref }: ItemRef & { reason: string }) {
  const why = reason.trim();
  if (!why) throw new AttentionInputError("Give a reason for dismissing it");
  return ref.db.transaction(async (tx) => {
    await assertItem(tx, ref);
    await upsertNote(tx, ref, sql`dismissed_at = now(), dismissed_by = ${ref.actorUserId}, dismiss_reason = ${why}`);
    if (ref.kind === "identity_review") {
      await tx.execute(sql`
        update identity_reviews set status = 'dismissed', resolution = ${why}, resolved_by = ${ref.actorUserId},
               resolved_at = now()
         where id = ${ref.id} and status = 'open'`);
    }
    await recordAudit({
      db: tx,
      workspaceId: ref.workspaceId,
      actorUserId: ref.actorUserId,
      action: "attention.dismissed",
      targetType: ref.kind,
      targetId: ref.id,
      reason: why,
    });
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function assertItem(tx: Tx, { workspaceId, kind, id }: Pick<ItemRef, "workspaceId" | "kind" | "id">) {
  const table =
    kind === "run"
      ? sql`flow_runs where status = 'needs_attention' and`
      : kind === "identity_review"
        ? sql`identity_reviews where status = 'open' and`
        : sql`trigger_events where status = 'rejected' and`;
  const found = await tx.execute(sql`select 1 from ${table} workspace_id = ${workspaceId} and id = ${id}`);
  if (found.rows.length === 0) throw new NotFoundError(`No ${kind.replace("_", " ")} ${id} needs attention`);
}

async function upsertNote(
  tx: Tx,
  { workspaceId, kind, id }: Pick<ItemRef, "workspaceId" | "kind" | "id">,
  set: ReturnType<typeof sql>,
) {
  const previous = await tx.execute<{ assigned_to: string | null }>(
    sql`select assigned_to from attention_notes where kind = ${kind} and ref_id = ${id} for update`,
  );
  await tx.execute(sql`
    insert into attention_notes (workspace_id, kind, ref_id) values (${workspaceId}, ${kind}, ${id})
    on conflict (kind, ref_id) do nothing`);
  await tx.execute(sql`update attention_notes set ${set}, updated_at = now() where kind = ${kind} and ref_id = ${id}`);
  return previous.rows[0];
}
