import { listTemplateConnectionChoices, templateFieldsFor } from "@handoff/services";
import { getTemplate } from "@handoff/templates";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZTemplateDetail, ZTemplateSlug } from "./schemas";
import { providerOf, templateProviders } from "./template-providers";

/**
 * One template with what installing it takes: the flow, its steps in plain words, each connection
 * role with the workspace's matching connections, and the fields with their defaults. It lists the
 * workspace's connections (names, never secrets), so it needs the right to read connections.
 */
export const getTemplateProcedure = procedureWith("connections.read")
  .input(z.object({ slug: ZTemplateSlug }))
  .output(ZTemplateDetail)
  .query(async ({ ctx, input }) => {
    const template = getTemplate(input.slug);
    if (!template) throw new TRPCError({ code: "NOT_FOUND", message: `No template "${input.slug}"` });
    const choices = await listTemplateConnectionChoices({
      db: ctx.db,
      workspaceId: ctx.member.workspaceId,
      roles: template.connections,
    });
    return {
      slug: template.slug,
      title: template.title,
      outcome: template.outcome,
      category: template.category,
      providers: templateProviders(template),
      steps: template.steps,
      graph: template.graph,
      connections: template.connections.map((connection, index) => {
        const choice = choices[index];
        return {
          role: connection.role,
          provider: providerOf(connection.provider),
          label: connection.label,
          nodeIds: connection.nodeIds,
          test: choice?.test ?? [],
          live: choice?.live ?? [],
          suggestedConnectionId: choice?.suggestedConnectionId ?? null,
        };
      }),
      fields: await templateFieldsFor({ db: ctx.db, workspaceId: ctx.member.workspaceId, template }),
    };
  });
