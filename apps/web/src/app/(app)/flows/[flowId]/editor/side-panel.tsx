"use client";

import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { nodeById } from "./editor-contract";
import { TriggerDetails, VersionHistory } from "./publish";
import { StepPanel } from "./step-panel";
import { TestPanel } from "./test-panel";
import { useFlowEditor } from "./use-flow-editor";

const TABS = [
  { key: "step", label: "Step" },
  { key: "test", label: "Test" },
  { key: "versions", label: "Versions" },
] as const;
type TabKey = (typeof TABS)[number]["key"];

/** The right-hand panel: the selected step, test runs, and version history, as tabs. */
export function SidePanel() {
  const editor = useFlowEditor();
  const [tab, setTab] = useState<TabKey>("step");
  const baseId = useId();
  const tabRefs = useRef<Record<TabKey, HTMLButtonElement | null>>({ step: null, test: null, versions: null });
  const selected = nodeById(editor.draft, editor.selectedNodeId);

  // Picking a node (on the canvas, or from a publish problem) shows it, unless a test is being read.
  useEffect(() => {
    if (editor.selectedNodeId) setTab((current) => (current === "versions" ? "step" : current));
  }, [editor.selectedNodeId]);

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.findIndex((candidate) => candidate.key === tab);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.key);
    tabRefs.current[next.key]?.focus();
  }

  return (
    <aside className="fe-side" aria-label="Step, test and versions">
      <div role="tablist" aria-label="Panels" className="fe-tabs">
        {TABS.map((candidate) => (
          <button
            key={candidate.key}
            ref={(element) => {
              tabRefs.current[candidate.key] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${candidate.key}-tab`}
            aria-selected={tab === candidate.key}
            aria-controls={`${baseId}-${candidate.key}-panel`}
            tabIndex={tab === candidate.key ? 0 : -1}
            className="fe-tab"
            onClick={() => setTab(candidate.key)}
            onKeyDown={onTabKeyDown}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-${tab}-panel`}
        aria-labelledby={`${baseId}-${tab}-tab`}
        className="fe-tab-panel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable so keyboard users reach its content.
        tabIndex={0}
      >
        {tab === "step" ? (
          <>
            <StepPanel />
            {selected?.type === "trigger" ? <TriggerDetails nodeId={selected.id} /> : null}
          </>
        ) : null}
        {tab === "test" ? <TestPanel /> : null}
        {tab === "versions" ? <VersionHistory /> : null}
      </div>
    </aside>
  );
}
