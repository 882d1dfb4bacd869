import { ConnectorError } from "@handoff/connector-sdk";
import { getAction } from "@handoff/connectors";
import { resolveConnection } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";

/**
 * Choices a prop loads from the provider (HubSpot pipelines, then that pipeline's stages), fetched
 * through the step's chosen connection. Provider failures come back as the provider said them.
 */
export const loadOptionsProcedure = procedureWith("flows.edit")
  .input(
    z.object({
      connector: z.string().min(1),
      operation: z.string().min(1),
      prop: z.string().min(1),
      connectionId: z.uuid(),
      props: z.record(z.string(), z.unknown()).default({}),
    }),
  )
  .output(z.array(z.object({ label: z.string(), value: z.string() })))
  .query(async ({ ctx, input }) => {
    const loader = getAction(input.connector, input.operation)?.options?.[input.prop];
    if (!loader) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `${input.connector} ${input.operation} loads no options for "${input.prop}"`,
      });
    }
    const connection = await resolveConnection({
      db: ctx.db,
      secretBox: ctx.secretBox,
      workspaceId: ctx.member.workspaceId,
      connectionId: input.connectionId,
    }).catch((error: unknown) => {
      throw new TRPCError({ code: "NOT_FOUND", message: error instanceof Error ? error.message : String(error) });
    });
    try {
      return await loader({ connection, props: input.props, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      const message = error instanceof ConnectorError || error instanceof Error ? error.message : String(error);
      throw new TRPCError({ code: "BAD_REQUEST", message: `Could not load the choices: ${message}` });
    }
  });
