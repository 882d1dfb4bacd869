"use client";

import { EditorLayout } from "./editor-layout";
import { FlowEditorProvider } from "./editor-provider";

export interface FlowEditorPageProps {
  flowId: string;
  /** Role `flows.edit`: without it the flow is shown read-only (no palette, no inputs, no publish). */
  canEdit: boolean;
  /** Role `flows.pause`: a scheduler may pause a published flow without editing it. */
  canPause: boolean;
}

export function FlowEditorPage({ flowId, canEdit, canPause }: FlowEditorPageProps) {
  return (
    <FlowEditorProvider flowId={flowId} canEdit={canEdit} canPause={canPause}>
      <EditorLayout />
    </FlowEditorProvider>
  );
}
