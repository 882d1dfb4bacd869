import { installTemplate } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZTemplateSlug } from "./schemas";
import { withTemplateErrors } from "./template-errors";

/**
 * A new flow from a template: a draft to adjust, or published at once (refused with every
 * problem when the result cannot be published, before anything is created). Installing the same
 * template again makes a numbered copy.
 */
export const installTemplateProcedure = procedureWith("templates.install")
  .input(
    z.object({
      slug: ZTemplateSlug,
      /** Connection id per role; the service checks each belongs to the workspace and the role's tool. */
      connections: z.record(z.string().max(64), z.string().max(64)),
      fields: z.record(z.string().max(64), z.string().max(5000)).default({}),
      publish: z.boolean(),
      name: z.string().trim().max(200, "Keep the flow name under 200 characters").optional(),
    }),
  )
  .output(
    z.object({
      flowId: z.string(),
      name: z.string(),
      publishedVersion: z.number().nullable(),
      /** Published, but the trigger's provider refused the webhook: resuming or republishing retries. */
      subscriptionError: z.string().nullable(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const installed = await withTemplateErrors(() =>
      installTemplate({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        actorUserId: ctx.member.userId,
        slug: input.slug,
        connections: input.connections,
        fields: input.fields,
        publish: input.publish,
        name: input.name,
        secretBox: ctx.secretBox,
        publicUrl: ctx.publicUrl,
      }),
    );
    return {
      flowId: installed.flowId,
      name: installed.name,
      publishedVersion: installed.publishedVersion,
      subscriptionError: installed.subscriptionError,
    };
  });
