import { deleteConnection } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withConnectionErrors } from "./connection-errors";
import { ZConnectionId } from "./schemas";

/** Refused (CONFLICT, naming the flows) while an active flow's published version uses it. */
export const deleteConnectionProcedure = procedureWith("connections.manage")
  .input(ZConnectionId)
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) =>
    withConnectionErrors(() =>
      deleteConnection({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        connectionId: input.id,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
