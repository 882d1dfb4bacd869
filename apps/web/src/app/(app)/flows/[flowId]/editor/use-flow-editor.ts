"use client";

import { createContext, useContext } from "react";
import type { FlowEditor } from "./editor-contract";

/** Provided by `FlowEditorProvider` (editor-provider.tsx) around the whole editor page. */
export const FlowEditorContext = createContext<FlowEditor | null>(null);

export function useFlowEditor(): FlowEditor {
  const editor = useContext(FlowEditorContext);
  if (!editor) throw new Error("useFlowEditor is used outside FlowEditorProvider");
  return editor;
}
