"use client";

import Link from "next/link";
import { FlowNameField } from "./flow-name-field";
import { PublishControls } from "./publish";
import { SaveStatus } from "./save-status";
import { useFlowEditor } from "./use-flow-editor";

/** The bar above the canvas: name, save state, undo/redo, and publishing (status, publish, pause). */
export function EditorToolbar() {
  const editor = useFlowEditor();
  return (
    <div className="fe-toolbar">
      <Link href="/flows" className="fe-back">
        ← Flows
      </Link>
      <FlowNameField />
      <SaveStatus />
      {editor.canEdit ? (
        <div className="fe-toolbar-group">
          <button
            type="button"
            className="ho-button ho-button-secondary"
            onClick={editor.undo}
            disabled={!editor.canUndo}
            aria-keyshortcuts="Control+Z Meta+Z"
            title="Undo (Ctrl+Z)"
          >
            Undo
          </button>
          <button
            type="button"
            className="ho-button ho-button-secondary"
            onClick={editor.redo}
            disabled={!editor.canRedo}
            aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            title="Redo (Ctrl+Shift+Z)"
          >
            Redo
          </button>
        </div>
      ) : null}
      <div className="fe-toolbar-end">
        <PublishControls />
      </div>
    </div>
  );
}
