import { ZFlowDocument } from "@handoff/flow-core";
import { z } from "zod";

export const ZTemplateCategory = z.enum(["appointments", "invoicing", "crm", "review"]);

/** Slugs are kebab-case; anything else cannot name a template. */
export const ZTemplateSlug = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A template slug is kebab-case, e.g. booking-to-contact-and-invoice");

/** A tool the template works with: its connector key and the name people know it by. */
export const ZTemplateProvider = z.object({ key: z.string(), name: z.string() });

/** One card of the gallery. */
export const ZTemplateSummary = z.object({
  slug: z.string(),
  title: z.string(),
  outcome: z.string(),
  category: ZTemplateCategory,
  providers: z.array(ZTemplateProvider),
});

const ZConnectionChoice = z.object({ id: z.string(), name: z.string(), status: z.string() });

/** A connection the template needs, with the workspace's connections that can fill it. */
export const ZTemplateConnectionRole = z.object({
  role: z.string(),
  provider: ZTemplateProvider,
  label: z.string(),
  nodeIds: z.array(z.string()),
  test: z.array(ZConnectionChoice),
  live: z.array(ZConnectionChoice),
  /** Preselected in the form: a working test connection, or null when there is none. */
  suggestedConnectionId: z.string().nullable(),
});

export const ZTemplateField = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  nodeId: z.string(),
  prop: z.string(),
  default: z.string(),
});

/** Everything the template page shows and the "Use template" form needs. */
export const ZTemplateDetail = ZTemplateSummary.extend({
  steps: z.array(z.string()),
  graph: ZFlowDocument,
  connections: z.array(ZTemplateConnectionRole),
  fields: z.array(ZTemplateField),
});
