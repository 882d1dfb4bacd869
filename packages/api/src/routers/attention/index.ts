import { asc, eq, schema } from "@handoff/db";
import {
  AttentionInputError,
  assignAttention,
  countAttention,
  dismissAttention,
  listAttention,
  NotFoundError,
} from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createRouter, procedureWith } from "../../trpc";

const ZKind = z.enum(["run", "identity_review", "rejected_delivery"]);
const ZItemRef = z.object({ kind: ZKind, id: z.uuid() });

async function attentionCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof NotFoundError) throw new TRPCError({ code: "NOT_FOUND", message: error.message });
    if (error instanceof AttentionInputError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    throw error;
  }
}

/** The needs-attention queue: what needs a person, who is on it, and dismissals with a reason. */
export const attentionRouter = createRouter({
  list: procedureWith("runs.read")
    .input(z.void())
    .output(
      z.array(
        z.object({
          kind: ZKind,
          id: z.string(),
          flowId: z.string().nullable(),
          flowName: z.string().nullable(),
          title: z.string(),
          detail: z.string().nullable(),
          createdAt: z.string(),
          assignedTo: z.object({ userId: z.string(), email: z.string() }).nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listAttention({ db: ctx.db, workspaceId: ctx.member.workspaceId })),

  /** The count beside "Runs" in the navigation. */
  count: procedureWith("runs.read")
    .input(z.void())
    .output(z.number())
    .query(({ ctx }) => countAttention({ db: ctx.db, workspaceId: ctx.member.workspaceId })),

  /** People an item can be assigned to. */
  assignees: procedureWith("runs.operate")
    .input(z.void())
    .output(z.array(z.object({ userId: z.string(), email: z.string(), name: z.string() })))
    .query(({ ctx }) =>
      ctx.db
        .select({ userId: schema.users.id, email: schema.users.email, name: schema.users.name })
        .from(schema.memberships)
        .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
        .where(eq(schema.memberships.workspaceId, ctx.member.workspaceId))
        .orderBy(asc(schema.users.email)),
    ),

  assign: procedureWith("runs.operate")
    .input(ZItemRef.extend({ assigneeUserId: z.uuid().nullable() }))
    .output(z.void())
    .mutation(({ ctx, input }) =>
      attentionCall(() =>
        assignAttention({
          db: ctx.db,
          workspaceId: ctx.member.workspaceId,
          kind: input.kind,
          id: input.id,
          assigneeUserId: input.assigneeUserId,
          actorUserId: ctx.member.userId,
        }),
      ),
    ),

  dismiss: procedureWith("runs.operate")
    .input(ZItemRef.extend({ reason: z.string().max(500) }))
    .output(z.void())
    .mutation(({ ctx, input }) =>
      attentionCall(() =>
        dismissAttention({
          db: ctx.db,
          workspaceId: ctx.member.workspaceId,
          kind: input.kind,
          id: input.id,
          reason: input.reason,
          actorUserId: ctx.member.userId,
        }),
      ),
    ),
});
