import { listFlows } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

export const ZFlowListItem = z.object({
  id: z.string(),
  name: z.string(),
  /** `draft`: never published. */
  status: z.enum(["active", "paused", "draft"]),
  version: z.number().nullable(),
  publishedAt: z.date().nullable(),
  owner: z.object({ email: z.string(), name: z.string() }).nullable(),
  lastRun: z.object({ id: z.string(), status: z.string(), createdAt: z.date() }).nullable(),
  updatedAt: z.date(),
});

/** The flows page: every flow with its status, published version, owner and latest run. */
export const listFlowsProcedure = procedureWith("flows.read")
  .input(z.void())
  .output(z.array(ZFlowListItem))
  .query(async ({ ctx }) => {
    const rows = await listFlows({ db: ctx.db, workspaceId: ctx.member.workspaceId });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.published ? row.status : "draft",
      version: row.version,
      publishedAt: row.publishedAt,
      owner: row.ownerEmail ? { email: row.ownerEmail, name: row.ownerName ?? "" } : null,
      lastRun: row.lastRun,
      updatedAt: row.updatedAt,
    }));
  });
