import { renameConnection } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withConnectionErrors } from "./connection-errors";
import { ZConnectionId } from "./schemas";

export const renameConnectionProcedure = procedureWith("connections.manage")
  .input(ZConnectionId.extend({ name: z.string().max(1000) }))
  .output(z.object({ id: z.string(), name: z.string() }))
  .mutation(({ ctx, input }) =>
    withConnectionErrors(() =>
      renameConnection({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        connectionId: input.id,
        name: input.name,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
