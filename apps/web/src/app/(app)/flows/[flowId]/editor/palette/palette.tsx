"use client";

import type { TriggerNode } from "@handoff/flow-core";
import { useId, useMemo, useState } from "react";
import { useEditorNotices } from "../editor-notices";
import { useFlowEditor } from "../use-flow-editor";
import { planAddStep, planReplaceTrigger } from "./add-step";
import { PaletteItemButton } from "./palette-item-button";
import {
  type ConnectorPaletteItem,
  PALETTE_GROUPS,
  type PaletteItem,
  paletteItems,
  searchItems,
} from "./palette-items";

/** The "Add a step" sidebar: every trigger, action and logic step, grouped and searchable. */
export function Palette() {
  const editor = useFlowEditor();
  const { showToast } = useEditorNotices();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const items = useMemo(() => (editor.catalog ? paletteItems(editor.catalog) : []), [editor.catalog]);
  const found = useMemo(() => searchItems(items, query), [items, query]);
  const trigger = editor.draft.nodes.find((node): node is TriggerNode => node.type === "trigger");

  function add(item: PaletteItem) {
    const planned = planAddStep(editor.draft, item, editor.selectedNodeId);
    const result = editor.apply(planned.operations);
    if (result.ok) editor.select(planned.nodeId);
    else showToast(result.message);
  }

  function replaceTrigger(existing: TriggerNode, item: ConnectorPaletteItem) {
    const currentName = items.find(
      (candidate) =>
        candidate.kind === "trigger" &&
        candidate.connector === existing.connector &&
        candidate.operation === existing.operation,
    )?.name;
    const result = editor.apply(planReplaceTrigger(existing, item, currentName));
    if (result.ok) editor.select(existing.id);
    else showToast(result.message);
  }

  const offered = found.filter((item) => item.kind !== "trigger" || !trigger);
  const replacements = trigger
    ? found.filter(
        (item): item is ConnectorPaletteItem =>
          item.kind === "trigger" && (item.connector !== trigger.connector || item.operation !== trigger.operation),
      )
    : [];

  return (
    <aside className="fe-palette" aria-labelledby={`${searchId}-title`}>
      <h2 id={`${searchId}-title`} className="fe-panel-title">
        Add a step
      </h2>
      <div className="fe-palette-search">
        <label htmlFor={searchId}>Search steps</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder="Invoice, contact, delay…"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {!editor.catalog ? <p className="ho-muted">Loading the steps…</p> : null}
      {editor.catalog && found.length === 0 ? <p className="ho-muted">No step matches “{query.trim()}”.</p> : null}
      {PALETTE_GROUPS.map((group) => {
        const inGroup = offered.filter((item) => item.group === group.key);
        if (inGroup.length === 0) return null;
        return (
          <section key={group.key} className="fe-palette-group" aria-labelledby={`${searchId}-${group.key}`}>
            <h3 id={`${searchId}-${group.key}`}>{group.title}</h3>
            <ul>
              {inGroup.map((item) => (
                <li key={item.key}>
                  <PaletteItemButton item={item} onClick={() => add(item)} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {trigger && replacements.length > 0 ? (
        <details className="fe-palette-group fe-palette-replace">
          <summary>Replace the trigger</summary>
          <ul>
            {replacements.map((item) => (
              <li key={item.key}>
                <PaletteItemButton
                  item={item}
                  name={`Replace trigger with ${item.name}`}
                  onClick={() => replaceTrigger(trigger, item)}
                />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}
