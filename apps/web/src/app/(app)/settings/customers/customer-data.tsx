"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { CustomerSearchForm } from "./customer-search-form";
import { CustomerSummaryPanel } from "./customer-summary-panel";
import { describeErasure, type ErasureCounts } from "./describe-erasure";

/** Search one person, then export or erase what is held about them. */
export function CustomerData() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<string | null>(null);
  const [erasure, setErasure] = useState<ErasureCounts | null>(null);
  const summary = useQuery({
    ...trpc.customers.find.queryOptions(query === null ? skipToken : { query }),
    // A refused search (not an email, no such id) will not succeed on a second try.
    retry: false,
  });

  return (
    <>
      <CustomerSearchForm
        searching={summary.isFetching}
        onSearch={(next) => {
          setErasure(null);
          // The same search again asks afresh: something may have run or been erased since.
          if (next === query) void summary.refetch();
          else setQuery(next);
        }}
      />
      {erasure ? (
        <div className="ho-notice" role="status">
          <strong>Erased.</strong> {describeErasure(erasure)}
        </div>
      ) : null}
      {summary.isError ? (
        <p role="alert" className="ho-error">
          {summary.error.message}
        </p>
      ) : null}
      {query !== null && summary.isPending ? <p className="ho-muted">Looking…</p> : null}
      {summary.isSuccess && query !== null ? (
        <CustomerSummaryPanel
          // A new search starts with the erase form closed and no earlier export message.
          key={query}
          query={query}
          summary={summary.data}
          onErased={(counts) => {
            // Every cached summary may describe what is now erased: searching again must ask the server.
            queryClient.removeQueries(trpc.customers.pathFilter());
            setQuery(null);
            setErasure(counts);
          }}
        />
      ) : null}
    </>
  );
}
