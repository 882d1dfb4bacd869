import { randomBytes } from "node:crypto";
import type { SecretBox } from "@handoff/auth";
import { type Database, eq, schema } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "./errors";

export interface SetHookSecretOptions {
  db: Database;
  secretBox: SecretBox;
  flowId: string;
  /** null removes the secret (unsigned deliveries accepted again). */
  secret: string | "generate" | null;
  actorUserId: string | null;
}

/** Sets the HMAC secret senders sign webhook bodies with; returns it once, sealed at rest. */
export async function setHookSecret({ db, secretBox, flowId, secret, actorUserId }: SetHookSecretOptions) {
  const value = secret === "generate" ? `whsec_${randomBytes(24).toString("base64url")}` : secret;
  const [flow] = await db
    .update(schema.flows)
    .set({ hookSecretSealed: value === null ? null : secretBox.seal(value), updatedAt: new Date() })
    .where(eq(schema.flows.id, flowId))
    .returning({ workspaceId: schema.flows.workspaceId });
  if (!flow) throw new NotFoundError(`Flow ${flowId} not found`);
  await recordAudit({
    db,
    workspaceId: flow.workspaceId,
    actorUserId,
    action: value === null ? "flow.hook_secret_removed" : "flow.hook_secret_set",
    targetType: "flow",
    targetId: flowId,
  });
  return { secret: value };
}
