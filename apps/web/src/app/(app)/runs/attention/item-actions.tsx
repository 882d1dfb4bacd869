"use client";

import { Button } from "@handoff/ui";
import Link from "next/link";
import type { AttentionOperations } from "./attention-table";
import type { AttentionItem } from "./types";

/**
 * The ways an item leaves the queue, by kind: a run is retried (or opened, where replay and
 * replay-with-edit live), an identity conflict is resolved, and anything can be dismissed with a
 * reason. A rejected delivery is only ever dismissed: one with a bad signature is never forced in.
 */
export function ItemActions({ item, operations }: { item: AttentionItem; operations: AttentionOperations }) {
  const busy = operations.busyItemId === item.id;
  return (
    <div className="ho-attention-actions">
      {item.kind === "run" ? (
        <>
          <Button onClick={() => operations.onRetry(item)} disabled={busy}>
            Retry
          </Button>
          <Link className="ho-button ho-button-secondary" href={`/runs/${item.id}`}>
            Open
          </Link>
        </>
      ) : null}
      {item.kind === "identity_review" ? (
        <>
          <Button onClick={() => operations.onResolve(item)} disabled={busy}>
            Resolve
          </Button>
          {item.runId ? (
            <Link className="ho-button ho-button-secondary" href={`/runs/${item.runId}`}>
              Open run
            </Link>
          ) : null}
        </>
      ) : null}
      <Button variant="secondary" onClick={() => operations.onDismiss(item)} disabled={busy}>
        Dismiss
      </Button>
    </div>
  );
}
