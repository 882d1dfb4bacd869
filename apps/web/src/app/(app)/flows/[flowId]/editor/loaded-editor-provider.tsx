"use client";

import type { FlowOperation } from "@handoff/flow-core";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { browserProblems, catalogSchemaLookup } from "./browser-problems";
import type { DraftSession, DraftSnapshot } from "./draft-session";
import type { DiffHighlight, EditorCatalog, EditorConnections, FlowEditor, TestRunView } from "./editor-contract";
import { useEditorNotices } from "./editor-notices";
import { type LoadedFlow, serverDraftOf } from "./server-draft";
import { FlowEditorContext } from "./use-flow-editor";

const READ_ONLY = "Your role can look at this flow but not change it";
const SOMEONE_ELSE = "Someone else saved changes to this flow; their latest version is now shown.";

interface LoadedEditorProviderProps {
  flowId: string;
  canEdit: boolean;
  canPause: boolean;
  flow: LoadedFlow;
  refetchFlow(): Promise<{ data?: LoadedFlow; error: unknown }>;
  catalog: EditorCatalog | undefined;
  connections: EditorConnections | undefined;
  session: DraftSession;
  snapshot: DraftSnapshot;
  children: ReactNode;
}

/** Builds the `FlowEditor` contract from the draft session, the latest `flows.get` and the page's own state. */
export function LoadedEditorProvider(props: LoadedEditorProviderProps) {
  const { flowId, canEdit, canPause, flow, refetchFlow, catalog, connections, session, snapshot } = props;
  const notices = useEditorNotices();
  const [selected, setSelected] = useState<string | null>(null);
  const [testRun, setTestRun] = useState<TestRunView | null>(null);
  const [diffHighlight, setDiffHighlight] = useState<DiffHighlight | null>(null);
  const ownRefresh = useRef(false);

  // Presence: every poll of `flows.get` is compared with our revision.
  useEffect(() => {
    const outcome = session.observe(serverDraftOf(flow));
    if (outcome === "loaded" && !ownRefresh.current) notices.tellPresence(SOMEONE_ELSE);
  }, [flow, session, notices.tellPresence]);

  const reload = useCallback(async () => {
    const result = await refetchFlow();
    // A failed refetch still carries the previous data: never "reload" that.
    if (result.error || !result.data) {
      throw result.error instanceof Error ? result.error : new Error("Could not reload the flow");
    }
    session.load(serverDraftOf(result.data));
    notices.dismissPresence();
  }, [refetchFlow, session, notices.dismissPresence]);

  const refresh = useCallback(async () => {
    ownRefresh.current = true;
    try {
      const result = await refetchFlow();
      if (result.data && !result.error) session.observe(serverDraftOf(result.data));
    } finally {
      ownRefresh.current = false;
    }
  }, [refetchFlow, session]);

  const apply = useCallback(
    (operations: readonly FlowOperation[]) =>
      canEdit ? session.apply(operations) : { ok: false as const, message: READ_ONLY },
    [canEdit, session],
  );
  const undo = useCallback(() => {
    if (!session.getSnapshot().canUndo) return;
    const result = session.undo();
    if (!result.ok) notices.showToast(`Could not undo: ${result.message}`);
  }, [session, notices.showToast]);
  const redo = useCallback(() => {
    if (!session.getSnapshot().canRedo) return;
    const result = session.redo();
    if (!result.ok) notices.showToast(`Could not redo: ${result.message}`);
  }, [session, notices.showToast]);
  const flush = useCallback(() => session.flush(), [session]);

  const lookup = useMemo(() => (catalog ? catalogSchemaLookup(catalog) : undefined), [catalog]);
  // Saved drafts show the server's verdict; unsaved edits are checked here with the same rules.
  const problems = useMemo(
    () =>
      snapshot.unsaved.length === 0 || !catalog || !lookup
        ? snapshot.serverProblems
        : browserProblems(snapshot.draft, catalog, lookup),
    [snapshot.unsaved.length, snapshot.serverProblems, snapshot.draft, catalog, lookup],
  );
  const selectedNodeId = selected && snapshot.draft.nodes.some((node) => node.id === selected) ? selected : null;

  const editor = useMemo<FlowEditor>(
    () => ({
      flowId,
      canEdit,
      canPause,
      name: flow.name,
      status: flow.status,
      currentVersion: flow.currentVersion?.number ?? null,
      hookUrl: flow.hookUrl,
      hasHookSecret: flow.hasHookSecret,
      draft: snapshot.draft,
      revision: snapshot.revision,
      unsaved: snapshot.unsaved,
      save: snapshot.save,
      problems,
      selectedNodeId,
      testRun,
      diffHighlight,
      catalog,
      connections,
      apply,
      undo,
      redo,
      canUndo: canEdit && snapshot.canUndo,
      canRedo: canEdit && snapshot.canRedo,
      select: setSelected,
      reload,
      flush,
      setTestRun,
      refresh,
      setDiffHighlight,
    }),
    [
      flowId,
      canEdit,
      canPause,
      flow,
      snapshot,
      problems,
      selectedNodeId,
      testRun,
      diffHighlight,
      catalog,
      connections,
      apply,
      undo,
      redo,
      reload,
      flush,
      refresh,
    ],
  );

  return <FlowEditorContext.Provider value={editor}>{props.children}</FlowEditorContext.Provider>;
}
