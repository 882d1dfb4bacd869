import { type Database, sql } from "@handoff/db";
import { z } from "zod";
import { NotFoundError } from "../flows/errors";

/** What the action was looking for, as it stored it (already normalised). */
export const ZReviewKeys = z.object({
  email: z.string().optional(),
  phone: z.string().optional(),
  name: z.string().optional(),
});
export type ReviewKeys = z.infer<typeof ZReviewKeys>;

export const ZReviewCandidate = z.object({
  externalId: z.string(),
  matchedBy: z.string().optional(),
  label: z.string().optional(),
});
export type ReviewCandidate = z.infer<typeof ZReviewCandidate>;

export interface IdentityReview {
  id: string;
  provider: string;
  keys: ReviewKeys;
  candidates: ReviewCandidate[];
  /** The run the conflict stopped, when an action raised it. */
  runId: string | null;
  status: "open" | "resolved" | "dismissed";
  resolution: string | null;
  createdAt: string;
}

/** One identity conflict of the workspace, with the records a person chooses between. */
export async function getIdentityReview({
  db,
  workspaceId,
  id,
}: {
  db: Pick<Database, "execute">;
  workspaceId: string;
  id: string;
}): Promise<IdentityReview> {
  const found = await db.execute<{
    id: string;
    provider: string;
    keys: unknown;
    candidates: unknown;
    run_id: string | null;
    status: IdentityReview["status"];
    resolution: string | null;
    created_at: string;
  }>(sql`
    select id, provider, keys, candidates, run_id, status, resolution, created_at
      from identity_reviews where id = ${id} and workspace_id = ${workspaceId}`);
  const row = found.rows[0];
  if (!row) throw new NotFoundError(`No identity review ${id} in this workspace`);
  return {
    id: row.id,
    provider: row.provider,
    keys: ZReviewKeys.parse(row.keys ?? {}),
    candidates: z.array(ZReviewCandidate).parse(row.candidates ?? []),
    runId: row.run_id,
    status: row.status,
    resolution: row.resolution,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
