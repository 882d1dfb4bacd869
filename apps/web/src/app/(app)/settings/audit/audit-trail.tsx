"use client";

import { Button, EmptyState } from "@handoff/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { auditExportHref, EMPTY_FILTER_FORM, toAuditFilters } from "./audit-filter-form";
import { AuditFilterToolbar } from "./audit-filter-toolbar";
import { AuditTable } from "./audit-table";

/** The filterable trail: filters apply as they change, pages load on demand, the export follows the filters. */
export function AuditTrail() {
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY_FILTER_FORM);
  const parsed = toAuditFilters(form);
  const filters = parsed.ok ? parsed.filters : {};
  const options = useQuery(trpc.audit.filterOptions.queryOptions());
  const list = useInfiniteQuery({
    ...trpc.audit.list.infiniteQueryOptions(filters, { getNextPageParam: (page) => page.nextCursor }),
    enabled: parsed.ok,
  });
  const entries = list.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <AuditFilterToolbar
        form={form}
        onChange={setForm}
        options={options.data}
        exportHref={parsed.ok ? auditExportHref(filters) : null}
      />
      {!parsed.ok ? (
        <p role="alert" className="ho-error">
          {parsed.problem}
        </p>
      ) : null}
      {options.isError ? (
        <p role="alert" className="ho-error">
          Could not load the filter choices: {options.error.message}
        </p>
      ) : null}
      {list.isError ? (
        <p role="alert" className="ho-error">
          Could not load the audit trail: {list.error.message}
        </p>
      ) : null}
      {parsed.ok && list.isPending ? <p className="ho-muted">Loading the audit trail…</p> : null}
      {list.isSuccess && entries.length === 0 ? (
        <EmptyState
          title={filtered ? "No changes match these filters" : "Nothing recorded yet"}
          description={
            filtered
              ? "Widen the dates or clear a filter."
              : "Changes to flows, connections, runs and people will be listed here as they happen."
          }
        />
      ) : null}
      {entries.length > 0 ? <AuditTable entries={entries} /> : null}
      {list.hasNextPage ? (
        <div className="ho-toolbar">
          <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </>
  );
}
