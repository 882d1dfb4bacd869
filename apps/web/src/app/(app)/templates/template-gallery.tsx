"use client";

import "./templates.css";
import { EmptyState } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useTRPC } from "~/trpc/react";
import { filterFromSearchParams, filterTemplates, type GalleryFilter, searchParamsFromFilter } from "./gallery-filter";
import { GalleryToolbar } from "./gallery-toolbar";
import { TemplateCard } from "./template-card";

/** The gallery: search and category in the URL, so a shared link shows the same cards. */
export function TemplateGallery() {
  const trpc = useTRPC();
  const templates = useQuery({ ...trpc.templates.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const [filter, setFilter] = useUrlGalleryFilter();
  const shown = useMemo(() => filterTemplates(templates.data ?? [], filter), [templates.data, filter]);

  if (templates.isPending) return <p className="ho-muted">Loading templates…</p>;
  if (templates.isError) {
    return (
      <p role="alert" className="ho-error">
        Could not load the templates: {templates.error.message}
      </p>
    );
  }
  return (
    <>
      <GalleryToolbar filter={filter} onChange={setFilter} />
      <p className="ho-muted tg-count" aria-live="polite">
        {shown.length === templates.data.length
          ? `${shown.length} ${shown.length === 1 ? "template" : "templates"}`
          : `${shown.length} of ${templates.data.length} templates`}
      </p>
      {shown.length > 0 ? (
        <ul className="tg-grid" aria-label="Templates">
          {shown.map((template) => (
            <li key={template.slug}>
              <TemplateCard template={template} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState
          title="No template matches"
          description="Try fewer words, or another category."
          action={
            <button
              type="button"
              className="ho-button ho-button-secondary"
              onClick={() => setFilter({ query: "", category: null })}
            >
              Show all templates
            </button>
          }
        />
      )}
    </>
  );
}

/**
 * `history.replaceState` updates `useSearchParams` without a server round trip and without one
 * history entry per keystroke (as the runs filters do).
 */
function useUrlGalleryFilter(): [GalleryFilter, (filter: GalleryFilter) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filter = useMemo(() => filterFromSearchParams(searchParams), [searchParams]);
  const setFilter = useCallback(
    (next: GalleryFilter) => {
      const query = searchParamsFromFilter(next);
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return [filter, setFilter];
}
