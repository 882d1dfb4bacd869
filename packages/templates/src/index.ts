// Ready-made flows for the common handoffs of a small service business (issue #9).

export { instantiateTemplate, type TemplateInputs } from "./instantiate";
export { getTemplate, templates } from "./registry";
export type { TemplateCategory, TemplateConnectionRole, TemplateDefinition, TemplateField } from "./types";
export { TEMPLATE_CATEGORIES } from "./types";
