"use client";

import { jsonEqual } from "@handoff/flow-core";
import { useCallback, useEffect, useRef, useState } from "react";

/** How long typing may pause before the value is saved: one operation per word, not per key. */
export const TYPING_DELAY_MS = 400;

export interface SyncedDraft<L> {
  value: L;
  /** Shows `next` at once; saves it now, or after a pause in typing when `debounce` is set. */
  set(next: L, options?: { debounce?: boolean }): void;
  /** Saves a value still waiting for the typing pause (on blur). */
  flush(): void;
}

export interface SyncOptions<S, L> {
  /** Writes a value to the flow document. */
  commit(source: S): void;
  /** What the form shows for a document value. */
  toLocal(source: S): L;
  /** The document value for what was entered; null while it cannot be saved yet (a rule without a field). */
  toSource(local: L): { value: S } | null;
}

/**
 * A form's local value, kept in step with the flow document. Typing shows at once and is saved
 * after a pause; what the document cannot hold yet stays local until it can. When the document
 * changes from elsewhere (undo, the canvas), the document wins and unsaved typing is dropped.
 */
export function useSyncedDraft<S, L>(source: S, options: SyncOptions<S, L>): SyncedDraft<L> {
  const [value, setValue] = useState(() => options.toLocal(source));
  /** The document value this form last agreed with: the echo of our own save is not a change. */
  const agreed = useRef(source);
  const pending = useRef<{ value: L } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const waiting = pending.current;
    pending.current = null;
    const next = waiting ? latest.current.toSource(waiting.value) : null;
    if (!next || jsonEqual(next.value, agreed.current)) return;
    agreed.current = next.value;
    latest.current.commit(next.value);
  }, []);

  const set = useCallback(
    (next: L, setOptions?: { debounce?: boolean }) => {
      setValue(next);
      pending.current = { value: next };
      clearTimeout(timer.current);
      if (setOptions?.debounce) timer.current = setTimeout(flush, TYPING_DELAY_MS);
      else flush();
    },
    [flush],
  );

  useEffect(() => {
    if (jsonEqual(source, agreed.current)) return;
    agreed.current = source;
    pending.current = null;
    clearTimeout(timer.current);
    setValue(latest.current.toLocal(source));
  }, [source]);

  // Typing, then switching to another step (or closing the panel), still saves.
  useEffect(() => flush, [flush]);

  return { value, set, flush };
}

function same<T>(value: T): T {
  return value;
}

/** A draft whose form value is the document value itself (a prop, a rule group). */
export function useSyncedValue<S>(
  source: S,
  commit: (value: S) => void,
  canCommit: (value: S) => boolean = () => true,
): SyncedDraft<S> {
  return useSyncedDraft<S, S>(source, {
    commit,
    toLocal: same,
    toSource: (local) => (canCommit(local) ? { value: local } : null),
  });
}
