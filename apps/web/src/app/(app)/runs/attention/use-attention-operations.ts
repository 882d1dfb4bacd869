"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { AttentionOperations } from "./attention-table";
import type { AttentionItem } from "./types";

/**
 * The queue's actions for someone who may operate runs: assign and retry happen at once; resolve
 * and dismiss open their dialog. Each success is told in a sentence and refreshes the queue.
 */
export function useAttentionOperations({
  canOperate,
  say,
  refresh,
}: {
  canOperate: boolean;
  say: (notice: string | null) => void;
  refresh: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const assignees = useQuery({ ...trpc.attention.assignees.queryOptions(), enabled: canOperate });
  const assign = useMutation(trpc.attention.assign.mutationOptions({ onSuccess: refresh }));
  const retry = useMutation(trpc.runs.retry.mutationOptions({ onSuccess: refresh }));
  const [dismissing, setDismissing] = useState<AttentionItem | null>(null);
  const [resolving, setResolving] = useState<AttentionItem | null>(null);
  const busyItemId = assign.isPending
    ? (assign.variables?.id ?? null)
    : retry.isPending
      ? (retry.variables?.runId ?? null)
      : null;

  const operations: AttentionOperations = {
    assignees: assignees.data ?? [],
    busyItemId,
    onAssign: (item, assigneeUserId) => {
      say(null);
      assign.mutate(
        { kind: item.kind, id: item.id, assigneeUserId },
        {
          onSuccess: () => {
            const who = assignees.data?.find((person) => person.userId === assigneeUserId)?.email;
            say(who ? `Assigned “${item.title}” to ${who}.` : `“${item.title}” is unassigned.`);
          },
        },
      );
    },
    onRetry: (item) => {
      say(null);
      retry.mutate(
        { runId: item.id },
        {
          onSuccess: () =>
            say(
              `Retry queued for “${item.title}”: the steps that succeeded are not repeated. If it fails again, it comes back here.`,
            ),
        },
      );
    },
    onResolve: (item) => {
      say(null);
      setResolving(item);
    },
    onDismiss: (item) => {
      say(null);
      setDismissing(item);
    },
  };

  const problems = [
    assignees.isError ? `Could not load the people to assign: ${assignees.error.message}` : null,
    assign.isError ? `Could not assign it: ${assign.error.message}` : null,
    retry.isError ? `Could not retry the run: ${retry.error.message}` : null,
  ].filter((problem): problem is string => problem !== null);

  return {
    operations: canOperate ? operations : undefined,
    problems,
    dismissing,
    closeDismiss: () => setDismissing(null),
    resolving,
    closeResolve: () => setResolving(null),
  };
}
