"use client";

import { useState } from "react";

/** A provider's list of 5,000 contacts must not freeze the panel: the rest is counted, not drawn. */
const MAX_CHILDREN = 100;
const MAX_TEXT = 2000;

/**
 * A step's input, output or error as a collapsible tree. Branches are buttons with
 * `aria-expanded`, so keyboard and screen-reader users open them like any disclosure; values are
 * rendered as text, never interpreted.
 */
export function JsonTree({ value, label, expandDepth = 1 }: { value: unknown; label: string; expandDepth?: number }) {
  return (
    <fieldset className="ho-json-tree">
      <legend className="ho-visually-hidden">{label}</legend>
      <JsonNode name={null} value={value} depth={0} expandDepth={expandDepth} />
    </fieldset>
  );
}

function JsonNode({
  name,
  value,
  depth,
  expandDepth,
}: {
  name: string | null;
  value: unknown;
  depth: number;
  expandDepth: number;
}) {
  const [open, setOpen] = useState(depth < expandDepth);
  const entries = branchEntries(value);
  const key = name === null ? null : <span className="ho-json-key">{name}: </span>;
  if (!entries || entries.length === 0) {
    return (
      <span className="ho-json-leaf">
        {key}
        <span className={`ho-json-${leafKind(value)}`}>{leafText(value)}</span>
      </span>
    );
  }
  const isArray = Array.isArray(value);
  const hidden = entries.length - MAX_CHILDREN;
  return (
    <>
      <button type="button" className="ho-json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? "▾" : "▸"} </span>
        {key}
        <span className="ho-json-summary">
          {isArray ? `[${plural(entries.length, "item")}]` : `{${plural(entries.length, "key")}}`}
        </span>
      </button>
      {open ? (
        <ul className="ho-json-children">
          {entries.slice(0, MAX_CHILDREN).map(([childName, child]) => (
            <li key={childName}>
              <JsonNode name={childName} value={child} depth={depth + 1} expandDepth={expandDepth} />
            </li>
          ))}
          {hidden > 0 ? <li className="ho-muted">… {plural(hidden, isArray ? "more item" : "more key")}</li> : null}
        </ul>
      ) : null}
    </>
  );
}

function branchEntries(value: unknown): [string, unknown][] | null {
  if (Array.isArray(value)) return value.map((item, index) => [String(index), item]);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return Object.entries(value);
  return null;
}

function leafKind(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value) || value instanceof Date) return "string";
  return typeof value === "object" ? "null" : typeof value;
}

function leafText(value: unknown): string {
  if (value === undefined) return "—";
  if (Array.isArray(value)) return "[]";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === "object") return "{}";
  if (typeof value === "string" && value.length > MAX_TEXT) {
    return `${JSON.stringify(value.slice(0, MAX_TEXT))}… (${value.length - MAX_TEXT} more characters)`;
  }
  return JSON.stringify(value) ?? String(value);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
