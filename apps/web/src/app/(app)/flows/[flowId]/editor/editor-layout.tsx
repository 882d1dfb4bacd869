"use client";

import "./editor.css";
import { FlowCanvas } from "./canvas/flow-canvas";
import { EditorBanners } from "./editor-banners";
import { EditorToolbar } from "./editor-toolbar";
import { Palette } from "./palette/palette";
import { SidePanel } from "./side-panel";
import { useFlowEditor } from "./use-flow-editor";

/**
 * The editor fills the page under the app's top bar: toolbar on top, then the palette (editors
 * only), the canvas and the side panel side by side. Each column scrolls inside itself, so nothing
 * overlaps at 1280×800 or larger.
 */
export function EditorLayout() {
  const { canEdit } = useFlowEditor();
  return (
    <div className="fe-editor">
      <EditorBanners />
      <EditorToolbar />
      <div className={canEdit ? "fe-body" : "fe-body fe-body-read-only"}>
        {canEdit ? <Palette /> : null}
        <FlowCanvas />
        <SidePanel />
      </div>
    </div>
  );
}
