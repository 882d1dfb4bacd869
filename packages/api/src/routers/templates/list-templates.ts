import { templates } from "@handoff/templates";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZTemplateSummary } from "./schemas";
import { templateProviders } from "./template-providers";

/**
 * The gallery: every template, in the registry's order. Templates hold no workspace data, so
 * anyone who may read flows may browse them.
 */
export const listTemplatesProcedure = procedureWith("flows.read")
  .input(z.void())
  .output(z.array(ZTemplateSummary))
  .query(() =>
    templates.map((template) => ({
      slug: template.slug,
      title: template.title,
      outcome: template.outcome,
      category: template.category,
      providers: templateProviders(template),
    })),
  );
