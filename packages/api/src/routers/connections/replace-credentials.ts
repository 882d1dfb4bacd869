import { replaceConnectionCredentials } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withConnectionErrors } from "./connection-errors";
import { ZConnectionId, ZCredentialsInput } from "./schemas";

/** Replaces the secret without ever showing the old one; answers with the new hint. */
export const replaceCredentialsProcedure = procedureWith("connections.manage")
  .input(ZConnectionId.extend({ credentials: ZCredentialsInput }))
  .output(z.object({ id: z.string(), hint: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const replaced = await withConnectionErrors(() =>
      replaceConnectionCredentials({
        db: ctx.db,
        secretBox: ctx.secretBox,
        workspaceId: ctx.member.workspaceId,
        connectionId: input.id,
        credentials: input.credentials,
        actorUserId: ctx.member.userId,
      }),
    );
    return { id: replaced.id, hint: replaced.credentialsHint };
  });
