import { and, asc, eq, schema } from "@handoff/db";
import { ZFlowDocument } from "@handoff/flow-core";
import { getFlow } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";

/** Version history: number, author, time and message, oldest first. */
export const listVersionsProcedure = procedureWith("flows.read")
  .input(z.object({ flowId: z.uuid() }))
  .output(
    z.array(
      z.object({
        number: z.number(),
        message: z.string(),
        author: z.string().nullable(),
        createdAt: z.date(),
        current: z.boolean(),
      }),
    ),
  )
  .query(async ({ ctx, input }) => {
    const flow = await flowCall(() =>
      getFlow({ db: ctx.db, flowId: input.flowId, workspaceId: ctx.member.workspaceId }),
    );
    const rows = await ctx.db
      .select({
        id: schema.flowVersions.id,
        number: schema.flowVersions.number,
        message: schema.flowVersions.message,
        author: schema.users.email,
        createdAt: schema.flowVersions.createdAt,
      })
      .from(schema.flowVersions)
      .leftJoin(schema.users, eq(schema.users.id, schema.flowVersions.authorId))
      .where(eq(schema.flowVersions.flowId, input.flowId))
      .orderBy(asc(schema.flowVersions.number));
    return rows.map(({ id, ...row }) => ({ ...row, current: id === flow.currentVersionId }));
  });

/** One version's graph, for the read-only canvas and the diff (computed in the browser). */
export const getVersionProcedure = procedureWith("flows.read")
  .input(z.object({ flowId: z.uuid(), number: z.number().int().min(1) }))
  .output(z.object({ number: z.number(), graph: ZFlowDocument, message: z.string(), createdAt: z.date() }))
  .query(async ({ ctx, input }) => {
    await flowCall(() => getFlow({ db: ctx.db, flowId: input.flowId, workspaceId: ctx.member.workspaceId }));
    const [version] = await ctx.db
      .select()
      .from(schema.flowVersions)
      .where(and(eq(schema.flowVersions.flowId, input.flowId), eq(schema.flowVersions.number, input.number)));
    if (!version) throw new TRPCError({ code: "NOT_FOUND", message: `This flow has no version ${input.number}` });
    return {
      number: version.number,
      graph: ZFlowDocument.parse(version.graph),
      message: version.message,
      createdAt: version.createdAt,
    };
  });
