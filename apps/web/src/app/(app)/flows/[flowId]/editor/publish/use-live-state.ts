"use client";

import { useState } from "react";
import { useFlowEditor } from "../use-flow-editor";

type FlowStatus = "active" | "paused" | "draft";

interface Override<T> {
  value: T;
  /** What the editor said when the override was made; once it says something else, it knows better. */
  editorSaid: T;
}

/**
 * The flow's status and live version as this browser last changed them. The editor state catches
 * up through `refresh()`; until it does (or when the editor has no `refresh`), the answer of the
 * publish or pause call is shown instead of a stale "draft".
 */
export function useLiveState() {
  const editor = useFlowEditor();
  const [status, setStatus] = useState<Override<FlowStatus> | null>(null);
  const [version, setVersion] = useState<Override<number | null> | null>(null);
  const liveStatus = status && status.editorSaid === editor.status ? status.value : editor.status;
  const liveVersion = version && version.editorSaid === editor.currentVersion ? version.value : editor.currentVersion;
  return {
    status: liveStatus,
    currentVersion: liveVersion,
    published(number: number) {
      setVersion({ value: number, editorSaid: editor.currentVersion });
      // The first publish activates the flow; later ones keep a paused flow paused.
      if (liveStatus === "draft") setStatus({ value: "active", editorSaid: editor.status });
    },
    statusChanged(next: "active" | "paused") {
      setStatus({ value: next, editorSaid: editor.status });
    },
  };
}
