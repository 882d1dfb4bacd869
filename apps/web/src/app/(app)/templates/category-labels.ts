import type { TemplateCategory } from "./types";

/** In the order the category filter lists them. */
export const CATEGORY_LABELS = {
  appointments: "Appointments",
  invoicing: "Invoicing",
  crm: "CRM",
  review: "Weekly review",
} as const satisfies Record<TemplateCategory, string>;

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as TemplateCategory[];

export function isCategory(value: string): value is TemplateCategory {
  return Object.hasOwn(CATEGORY_LABELS, value);
}
