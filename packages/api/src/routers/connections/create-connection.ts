import { createConnection } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withConnectionErrors } from "./connection-errors";
import { ZCredentialsInput, ZEnvironment } from "./schemas";

export const ZCreateConnectionInput = z.object({
  provider: z.string().max(64),
  name: z.string().max(1000),
  environment: ZEnvironment,
  credentials: ZCredentialsInput,
  /** A sandbox or self-hosted install; the tool's cloud API when empty. */
  baseUrl: z.string().max(2000).nullish(),
});

/** Saves a new connection sealed; answers with its hint only. */
export const createConnectionProcedure = procedureWith("connections.manage")
  .input(ZCreateConnectionInput)
  .output(z.object({ id: z.string(), hint: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const created = await withConnectionErrors(() =>
      createConnection({
        db: ctx.db,
        secretBox: ctx.secretBox,
        workspaceId: ctx.member.workspaceId,
        actorUserId: ctx.member.userId,
        provider: input.provider,
        name: input.name,
        environment: input.environment,
        credentials: input.credentials,
        baseUrl: input.baseUrl ?? null,
      }),
    );
    return { id: created.id, hint: created.credentialsHint };
  });
