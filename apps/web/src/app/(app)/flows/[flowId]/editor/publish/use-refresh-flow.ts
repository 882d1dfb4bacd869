"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "../use-flow-editor";

/**
 * After publish, rollback or pause: the editor reads the flow's status and current version again,
 * and the version history and flows list are read again. Without the editor's optional
 * `refresh()`, the `flows.get` query is invalidated instead.
 */
export function useRefreshFlow(): () => Promise<void> {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const editorRef = useRef(editor);
  editorRef.current = editor;
  const { flowId } = editor;
  return useCallback(async () => {
    const current = editorRef.current;
    await Promise.all([
      current.refresh
        ? current.refresh()
        : queryClient.invalidateQueries({ queryKey: trpc.flows.get.queryKey({ flowId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ flowId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }),
    ]);
  }, [flowId, queryClient, trpc]);
}
