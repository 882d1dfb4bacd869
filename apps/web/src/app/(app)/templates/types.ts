import type { AppRouter } from "@handoff/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type RouterOutputs = inferRouterOutputs<AppRouter>;

/** A gallery card (`templates.list`). */
export type TemplateSummary = RouterOutputs["templates"]["list"][number];
export type TemplateCategory = TemplateSummary["category"];
/** The template page (`templates.get`): flow, steps, connection roles with choices, fields. */
export type TemplateDetail = RouterOutputs["templates"]["get"];
export type TemplateRole = TemplateDetail["connections"][number];
export type TemplateFieldView = TemplateDetail["fields"][number];
export type InstallTemplateInput = inferRouterInputs<AppRouter>["templates"]["install"];
