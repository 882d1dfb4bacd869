"use client";

import type { FlowOperation } from "@handoff/flow-core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTRPC } from "~/trpc/react";
import { DraftSession, type DraftSnapshot, type ServerDraft } from "./draft-session";
import { saveFailure } from "./save-result";

/**
 * One DraftSession per editor page, created from the first load and saving through
 * `flows.editDraft`. Returns null until `initial` is known.
 */
export function useDraftSession(
  flowId: string,
  initial: ServerDraft | undefined,
): { session: DraftSession; snapshot: DraftSnapshot } | null {
  const trpc = useTRPC();
  const editDraft = useMutation(trpc.flows.editDraft.mutationOptions());
  const mutateRef = useRef(editDraft.mutateAsync);
  mutateRef.current = editDraft.mutateAsync;
  const [session, setSession] = useState<DraftSession | null>(null);

  useEffect(() => {
    if (session || !initial) return;
    setSession(
      new DraftSession({
        initial,
        save: async (baseRevision: number, operations: FlowOperation[]) => {
          try {
            const saved = await mutateRef.current({ flowId, baseRevision, operations });
            return {
              ok: true,
              draft: saved.draft,
              revision: saved.revision,
              problems: saved.problems as ServerDraft["problems"],
            };
          } catch (error) {
            return saveFailure(error);
          }
        },
      }),
    );
  }, [flowId, initial, session]);

  useEffect(() => () => session?.dispose(), [session]);

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? noSnapshot,
    session?.getSnapshot ?? noSnapshot,
  );
  return session && snapshot ? { session, snapshot } : null;
}

const noSubscription = () => () => {};
const noSnapshot = () => null;
