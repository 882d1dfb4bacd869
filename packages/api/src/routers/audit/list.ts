import { AUDIT_PAGE_MAX, InvalidAuditCursorError, listAudit, ZAuditFilters } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";

export const ZAuditListInput = ZAuditFilters.and(
  z.object({
    /** `nextCursor` of the previous page. */
    cursor: z.string().max(100).nullish(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
  }),
);

export const ZAuditEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

/** One page of the workspace's audit trail, newest first. */
export const listProcedure = procedureWith("audit.read")
  .input(ZAuditListInput)
  .output(z.object({ entries: z.array(ZAuditEntry), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input: { cursor, limit, ...filters } }) => {
    try {
      return await listAudit({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        filters,
        cursor: cursor ?? undefined,
        limit,
      });
    } catch (error) {
      if (error instanceof InvalidAuditCursorError)
        throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
      throw error;
    }
  });
