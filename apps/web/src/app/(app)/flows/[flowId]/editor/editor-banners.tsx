"use client";

import { useState } from "react";
import { useEditorNotices } from "./editor-notices";
import { useFlowEditor } from "./use-flow-editor";

/** Tells this editor when someone else changed the flow: a conflict to resolve, or their draft now shown. */
export function EditorBanners() {
  const editor = useFlowEditor();
  const { presence, dismissPresence } = useEditorNotices();
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string | null>(null);

  async function reload() {
    setReloading(true);
    setReloadError(null);
    try {
      await editor.reload();
    } catch (error) {
      setReloadError(error instanceof Error ? error.message : String(error));
    } finally {
      setReloading(false);
    }
  }

  return (
    <>
      {editor.save.state === "conflict" ? (
        <div role="alert" className="fe-banner fe-banner-conflict">
          <span>
            <strong>Someone else changed this flow since you opened it.</strong> Your latest changes were not saved.
            Reload to see their version, then make your changes again.
          </span>
          <button type="button" className="ho-button ho-button-primary" disabled={reloading} onClick={reload}>
            {reloading ? "Reloading…" : "Reload"}
          </button>
          {reloadError ? <span className="ho-error">Could not reload: {reloadError}</span> : null}
        </div>
      ) : null}
      {presence && editor.save.state !== "conflict" ? (
        <div role="status" className="ho-notice fe-banner">
          <span>{presence}</span>
          <button type="button" className="ho-button ho-button-secondary" onClick={dismissPresence}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
