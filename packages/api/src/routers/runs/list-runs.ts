import { eq, schema } from "@handoff/db";
import { listRuns } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { searchKeysFor } from "./search-keys";

export const RUN_STATUSES = [
  "queued",
  "running",
  "waiting",
  "succeeded",
  "failed",
  "needs_attention",
  "canceled",
] as const;

export const ZRunFilters = z.object({
  flowId: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  /** Customer email or phone, invoice number, booking uid, deal id. */
  search: z.string().trim().max(200).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  version: z.number().int().min(1).optional(),
  kind: z.enum(["live", "test"]).optional(),
});
export type RunFilters = z.infer<typeof ZRunFilters>;

const ZCursor = z.object({ createdAt: z.string(), id: z.uuid() });

export const ZRunListItem = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  version: z.number().nullable(),
  status: z.string(),
  summary: z.string(),
  businessKeys: z.array(z.string()),
  isTest: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  syncLagMs: z.number().nullable(),
  replayOf: z.string().nullable(),
});

/** The history, newest first, a page at a time (keyset: stays fast at a million runs). */
export const listRunsProcedure = procedureWith("runs.read")
  .input(ZRunFilters.extend({ cursor: ZCursor.optional(), limit: z.number().int().min(1).max(200).default(50) }))
  .output(z.object({ runs: z.array(ZRunListItem), nextCursor: ZCursor.nullable() }))
  .query(async ({ ctx, input }) => {
    if (input.from && input.to && input.from >= input.to) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "The start of the date range must be before its end" });
    }
    const runs = await listRuns({
      db: ctx.db,
      ...(await listRunsFilters(ctx.db, ctx.member.workspaceId, input)),
      before: input.cursor,
      limit: input.limit + 1,
    });
    const page = runs.slice(0, input.limit);
    const last = page.at(-1);
    return {
      runs: page,
      nextCursor: runs.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null,
    };
  });

/** Filters as the run-list service takes them; shared by the list and its CSV export. */
export async function listRunsFilters(
  db: Parameters<typeof listRuns>[0]["db"],
  workspaceId: string,
  filters: RunFilters,
) {
  const country = filters.search
    ? ((
        await db
          .select({ defaultCountry: schema.workspaces.defaultCountry })
          .from(schema.workspaces)
          .where(eq(schema.workspaces.id, workspaceId))
      )[0]?.defaultCountry ?? "US")
    : "US";
  return {
    workspaceId,
    flowId: filters.flowId,
    status: filters.status,
    businessKeys: filters.search ? searchKeysFor(filters.search, country) : undefined,
    from: filters.from,
    to: filters.to,
    version: filters.version,
    isTest: filters.kind === undefined ? undefined : filters.kind === "test",
  };
}
