"use client";

import { Button, EmptyState } from "@handoff/ui";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { runTitle } from "../run-format";
import { BulkRetry } from "./bulk-retry";
import { runsExportHref, toRunListFilters } from "./run-filter-form";
import { RunFilterToolbar } from "./run-filter-toolbar";
import { RunsTable } from "./runs-table";
import { useUrlFilterForm } from "./use-url-filter-form";

const PAGE_SIZE = 50;

/**
 * The run history: filters from the URL apply as they change, pages load on demand (keyset), the
 * export follows the filters, and people who may operate runs can retry a selection.
 */
export function RunsHistory({ canOperate }: { canOperate: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useUrlFilterForm();
  const parsed = useMemo(() => toRunListFilters(form), [form]);
  const filters = parsed.ok ? parsed.filters : {};
  const flows = useQuery(trpc.flows.list.queryOptions());
  const list = useInfiniteQuery({
    ...trpc.runs.list.infiniteQueryOptions(
      { ...filters, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled: parsed.ok,
  });
  const runs = list.data?.pages.flatMap((page) => page.runs) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Only rows on screen can be selected: a filter change must not retry runs that left the view.
  const shownSelection = runs.filter((run) => selected.has(run.id)).map((run) => run.id);
  const filtered = Object.keys(filters).length > 0;

  const toggle = (runId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });

  return (
    <>
      <p className="ho-muted">
        <Link href="/runs/weekly-review">Weekly sync review</Link>: this week's failed syncs, duplicates and canceled
        appointments still invoiced.
      </p>
      <RunFilterToolbar
        form={form}
        onChange={setForm}
        flows={flows.data}
        exportHref={parsed.ok ? runsExportHref(filters) : null}
      />
      {!parsed.ok ? (
        <p role="alert" className="ho-error">
          {parsed.problem}
        </p>
      ) : null}
      {flows.isError ? (
        <p role="alert" className="ho-error">
          Could not load the flows to filter by: {flows.error.message}
        </p>
      ) : null}
      {list.isError ? (
        <p role="alert" className="ho-error">
          Could not load the runs: {list.error.message}
        </p>
      ) : null}
      {parsed.ok && list.isPending ? <p className="ho-muted">Loading runs…</p> : null}
      {list.isSuccess && runs.length === 0 ? (
        <EmptyState
          title={filtered ? "No runs match these filters" : "No runs yet"}
          description={
            filtered
              ? "Check the spelling of the email, phone or number, widen the dates, or clear a filter."
              : "When a flow runs, each run and its steps are listed here."
          }
        />
      ) : null}
      {canOperate && runs.length > 0 ? (
        <div className="ho-toolbar">
          <BulkRetry
            selectedIds={shownSelection}
            describeRun={(runId) => {
              const run = runs.find((candidate) => candidate.id === runId);
              return run ? runTitle(run) : `Run ${runId.slice(0, 8)}`;
            }}
            onRetried={() => {
              setSelected(new Set());
              return queryClient.invalidateQueries({ queryKey: trpc.runs.list.pathKey() });
            }}
          />
        </div>
      ) : null}
      {runs.length > 0 ? (
        <RunsTable
          runs={runs}
          selection={
            canOperate
              ? {
                  selected,
                  onToggle: toggle,
                  onToggleAll: (select) => setSelected(select ? new Set(runs.map((run) => run.id)) : new Set()),
                }
              : undefined
          }
        />
      ) : null}
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
