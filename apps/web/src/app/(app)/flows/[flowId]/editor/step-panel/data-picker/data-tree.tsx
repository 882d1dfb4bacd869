"use client";

import type { PathSegment } from "@handoff/flow-core";
import { type KeyboardEvent, type MouseEvent, type ReactNode, useState } from "react";
import type { DataSource } from "./data-sources";
import { isReferenceableKey, referenceFor } from "./reference-path";

/** Long lists show their first items: enough to pick `[0]`, and the tree stays fast. */
const MAX_ARRAY_ITEMS = 20;
const MAX_OBJECT_KEYS = 200;

function isBranch(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && typeof value === "object" && Object.keys(value).length > 0;
}

function childrenOf(value: Record<string, unknown> | unknown[]): [PathSegment, unknown][] {
  if (Array.isArray(value)) return value.slice(0, MAX_ARRAY_ITEMS).map((item, index) => [index, item]);
  return Object.entries(value)
    .filter(([key]) => isReferenceableKey(key))
    .slice(0, MAX_OBJECT_KEYS);
}

function preview(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? `“${value.slice(0, 39)}…”` : `“${value}”`;
  if (Array.isArray(value)) return "[ ]";
  if (value !== null && typeof value === "object") return "{ }";
  return String(value);
}

/** Arrow keys move between the visible items, as in any tree view; Enter or Space activates. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>, step: 1 | -1): void {
  const tree = event.currentTarget.closest('[role="tree"]');
  if (!tree) return;
  const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  items[items.indexOf(event.currentTarget) + step]?.focus();
}

interface TreeItemProps {
  name: string;
  /** Shown after the name: a step's title, or a leaf's example value. */
  detail?: string;
  path: PathSegment[];
  value: unknown;
  level: number;
  first?: boolean;
  /** Branch content shown instead of the value's children (the list of steps). */
  items?: ReactNode;
  emptyNote?: string;
  onPick(reference: string): void;
}

function TreeItem({ name, detail, path, value, level, first, items, emptyNote, onPick }: TreeItemProps) {
  const [open, setOpen] = useState(false);
  const branch = items !== undefined || isBranch(value) || emptyNote !== undefined;
  const reference = branch ? undefined : referenceFor(path);

  function activate() {
    if (branch) setOpen((was) => !was);
    else if (reference) onPick(reference);
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    event.stopPropagation();
    activate();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const keys: Record<string, () => void> = {
      Enter: activate,
      " ": activate,
      ArrowDown: () => moveFocus(event, 1),
      ArrowUp: () => moveFocus(event, -1),
      ArrowRight: () => (branch && !open ? setOpen(true) : moveFocus(event, 1)),
      ArrowLeft: () => (branch && open ? setOpen(false) : undefined),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  return (
    <div
      role="treeitem"
      aria-label={name}
      aria-level={level}
      aria-expanded={branch ? open : undefined}
      aria-disabled={!branch && !reference ? true : undefined}
      tabIndex={first ? 0 : -1}
      className="step-tree-item"
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <span className="step-tree-row">
        <span className="step-tree-toggle" aria-hidden="true">
          {branch ? (open ? "▾" : "▸") : "•"}
        </span>
        <span className="step-tree-name">{name}</span>
        {detail ? <span className="step-tree-detail">{detail}</span> : null}
        {!branch ? <span className="step-tree-value">{preview(value)}</span> : null}
      </span>
      {branch && open ? (
        // biome-ignore lint/a11y/useSemanticElements: a tree's nested items sit in role="group" (WAI-ARIA tree pattern); a fieldset would add a form group.
        <div role="group">
          {items ??
            (isBranch(value) ? (
              childrenOf(value).map(([key, child]) => (
                <TreeItem
                  key={String(key)}
                  name={String(key)}
                  path={[...path, key]}
                  value={child}
                  level={level + 1}
                  onPick={onPick}
                />
              ))
            ) : (
              <p className="ho-muted step-tree-note">{emptyNote}</p>
            ))}
        </div>
      ) : null}
    </div>
  );
}

const ORIGIN_NOTE = { test: "from the last test", sample: "example", none: "" } as const;
const NO_SAMPLE = "No example data for this step yet: run a test to see what it returns.";

function SourceItem({
  source,
  level,
  first,
  onPick,
}: {
  source: DataSource;
  level: number;
  first?: boolean;
  onPick(reference: string): void;
}) {
  const name = String(source.path[source.path.length - 1]);
  const title = source.title === name ? "" : source.title;
  const detail = [title, ORIGIN_NOTE[source.origin]].filter((part) => part !== "").join(" · ");
  return (
    <TreeItem
      name={name}
      detail={detail}
      path={source.path}
      value={source.sample}
      level={level}
      first={first}
      emptyNote={isBranch(source.sample) ? undefined : NO_SAMPLE}
      onPick={onPick}
    />
  );
}

/**
 * What earlier steps produce, as a tree named by key (`trigger › attendees › 0 › email`): a leaf
 * inserts its reference; the tree mirrors how an expression reads the data.
 */
export function DataTree({ sources, onPick }: { sources: readonly DataSource[]; onPick(reference: string): void }) {
  const trigger = sources.find((source) => source.path[0] === "trigger");
  const steps = sources.filter((source) => source.path[0] === "steps");
  const vars = sources.find((source) => source.path[0] === "vars");
  if (!trigger && steps.length === 0 && !vars) {
    return <p className="ho-muted">Nothing runs before this step yet: connect it after the trigger.</p>;
  }
  return (
    <div role="tree" aria-label="Data from earlier steps" className="step-tree">
      {trigger ? <SourceItem source={trigger} level={1} first onPick={onPick} /> : null}
      {steps.length > 0 ? (
        <TreeItem
          name="steps"
          detail="earlier steps"
          path={["steps"]}
          value={null}
          level={1}
          first={!trigger}
          items={steps.map((source) => (
            <SourceItem key={String(source.path[1])} source={source} level={2} onPick={onPick} />
          ))}
          onPick={onPick}
        />
      ) : null}
      {vars ? <SourceItem source={vars} level={1} first={!trigger && steps.length === 0} onPick={onPick} /> : null}
    </div>
  );
}
