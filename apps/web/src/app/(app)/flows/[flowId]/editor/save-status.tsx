"use client";

import { useFlowEditor } from "./use-flow-editor";

/** "Saved", "Saving…" or "Not saved: <why>": what the autosave is doing, announced politely. */
export function SaveStatus() {
  const { save, unsaved, canEdit } = useFlowEditor();
  if (!canEdit) return <span className="ho-badge">View only</span>;
  let text: string;
  let className = "fe-save-status";
  if (save.state === "conflict" || save.state === "error") {
    text = `Not saved: ${save.message ?? "the server did not answer"}`;
    className += " fe-save-status-error";
  } else if (save.state === "saving" || unsaved.length > 0) {
    text = "Saving…";
  } else {
    text = "Saved";
  }
  return (
    <span role="status" className={className} data-testid="save-status">
      {text}
    </span>
  );
}
