"use client";

import { useEditorNotices } from "../editor-notices";

/** Why the last canvas action was refused ("Nothing can connect into the trigger …"). */
export function CanvasToast() {
  const { toast, dismissToast } = useEditorNotices();
  if (!toast) return null;
  return (
    <div role="alert" className="fe-toast">
      <span>{toast}</span>
      <button type="button" className="fe-icon-button" aria-label="Dismiss message" onClick={dismissToast}>
        ×
      </button>
    </div>
  );
}
