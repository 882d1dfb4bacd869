"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import type { RetryManyResult } from "../types";

/** `runs.retryMany` takes at most this many runs at once. */
const RETRY_MANY_MAX = 1_000;

export interface BulkRetryProps {
  selectedIds: readonly string[];
  /** Names a run in the report by what it was about, not by its id. */
  describeRun: (runId: string) => string;
  onRetried: (result: RetryManyResult) => Promise<unknown> | undefined;
}

/** "Retry selected": each run goes on its own; the ones that cannot (finished meanwhile…) are listed with why. */
export function BulkRetry({ selectedIds, describeRun, onRetried }: BulkRetryProps) {
  const trpc = useTRPC();
  const retryMany = useMutation(trpc.runs.retryMany.mutationOptions({ onSuccess: onRetried }));
  const result = retryMany.data;
  const count = selectedIds.length;
  const tooMany = count > RETRY_MANY_MAX;

  return (
    <>
      <Button
        variant="secondary"
        disabled={count === 0 || tooMany || retryMany.isPending}
        onClick={() => retryMany.mutate({ runIds: [...selectedIds] })}
      >
        {retryMany.isPending ? "Retrying…" : `Retry selected (${count})`}
      </Button>
      {tooMany ? (
        <p role="alert" className="ho-error">
          Select at most {RETRY_MANY_MAX} runs to retry at once ({count} selected)
        </p>
      ) : null}
      {retryMany.isError ? (
        <p role="alert" className="ho-error">
          Could not retry the runs: {retryMany.error.message}
        </p>
      ) : null}
      {result ? (
        <div role="status" className="ho-notice">
          <p>
            Retried {result.retried.length} {result.retried.length === 1 ? "run" : "runs"}
            {result.refused.length > 0 ? `; ${result.refused.length} refused:` : "."}
          </p>
          {result.refused.length > 0 ? (
            <ul>
              {result.refused.map((refusal) => (
                <li key={refusal.runId}>
                  {describeRun(refusal.runId)}: {refusal.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
