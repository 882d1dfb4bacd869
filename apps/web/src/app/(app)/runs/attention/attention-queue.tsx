"use client";

import { EmptyState } from "@handoff/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { AttentionFilterToolbar } from "./attention-filter-toolbar";
import { type AttentionFilters, filterAttention, NO_ATTENTION_FILTERS } from "./attention-filters";
import { AttentionTable } from "./attention-table";
import { DismissDialog } from "./dismiss-dialog";
import { ResolveIdentityDialog } from "./resolve-identity-dialog";
import { useAttentionOperations } from "./use-attention-operations";
import "./attention.css";

/**
 * The needs-attention queue: read by everyone who reads runs; assigned, retried, resolved and
 * dismissed by those who operate them. Every action refreshes the queue and the count in the nav.
 */
export function AttentionQueue({ canOperate, currentUserId }: { canOperate: boolean; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.attention.list.queryOptions(), refetchInterval: 30_000 });
  const [filters, setFilters] = useState<AttentionFilters>(NO_ATTENTION_FILTERS);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.attention.pathKey() });
  const actions = useAttentionOperations({ canOperate, say: setNotice, refresh });

  const items = list.data ?? [];
  const shown = filterAttention(items, filters, currentUserId);
  const hiddenByFilters = shown.length === 0 && items.length > 0;

  return (
    <>
      <AttentionFilterToolbar filters={filters} onChange={setFilters} />
      {notice ? (
        <p role="status" className="ho-notice">
          {notice}
        </p>
      ) : null}
      {list.isError ? (
        <p role="alert" className="ho-error">
          Could not load the queue: {list.error.message}
        </p>
      ) : null}
      {actions.problems.map((problem) => (
        <p key={problem} role="alert" className="ho-error">
          {problem}
        </p>
      ))}
      {list.isPending ? <p className="ho-muted">Loading the queue…</p> : null}
      {list.isSuccess && shown.length === 0 ? (
        <EmptyState
          title={hiddenByFilters ? "Nothing matches these filters" : "Nothing needs attention"}
          description={
            hiddenByFilters
              ? `${items.length} item${items.length === 1 ? "" : "s"} need attention; show all kinds and anyone's to see them.`
              : "Runs that run out of retries, identity conflicts and rejected deliveries land here until someone acts on them."
          }
        />
      ) : null}
      {shown.length > 0 ? (
        <AttentionTable items={shown} {...(actions.operations ? { operations: actions.operations } : {})} />
      ) : null}
      {actions.operations ? (
        <>
          <DismissDialog
            key={actions.dismissing ? `${actions.dismissing.kind}:${actions.dismissing.id}` : "none"}
            item={actions.dismissing}
            onClose={actions.closeDismiss}
            onDismissed={async (item) => {
              setNotice(`Dismissed “${item.title}”. The reason is in the audit trail.`);
              await refresh();
            }}
          />
          <ResolveIdentityDialog
            key={actions.resolving ? actions.resolving.id : "none"}
            item={actions.resolving}
            onClose={actions.closeResolve}
            onResolved={async (message) => {
              setNotice(message);
              await refresh();
            }}
          />
        </>
      ) : null}
    </>
  );
}
