import { isCategory } from "./category-labels";
import type { TemplateCategory, TemplateSummary } from "./types";

/** What the gallery is narrowed to; kept in the URL (`?q=invoice&category=crm`). */
export interface GalleryFilter {
  query: string;
  category: TemplateCategory | null;
}

/** Reads the filter from the URL; an unknown category is ignored rather than showing nothing. */
export function filterFromSearchParams(params: Pick<URLSearchParams, "get">): GalleryFilter {
  const category = params.get("category") ?? "";
  return { query: params.get("q") ?? "", category: isCategory(category) ? category : null };
}

/** The URL query for a filter, without empty parts ("" for no filter at all). */
export function searchParamsFromFilter(filter: GalleryFilter): string {
  const params = new URLSearchParams();
  if (filter.query.trim()) params.set("q", filter.query);
  if (filter.category) params.set("category", filter.category);
  return params.toString();
}

/**
 * The templates the filter keeps. Every word of the search must appear in the title, the outcome
 * or a tool's name, in any order and case: "stripe booking" finds the booking-to-invoice template.
 */
export function filterTemplates(templates: readonly TemplateSummary[], filter: GalleryFilter): TemplateSummary[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return templates.filter((template) => {
    if (filter.category && template.category !== filter.category) return false;
    const haystack = [template.title, template.outcome, ...template.providers.map((provider) => provider.name)]
      .join(" ")
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
