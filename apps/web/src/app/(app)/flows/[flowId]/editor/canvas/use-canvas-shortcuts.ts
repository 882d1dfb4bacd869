"use client";

import { useEffect, useRef } from "react";

export interface CanvasShortcuts {
  enabled: boolean;
  onDelete(): void;
  onUndo(): void;
  onRedo(): void;
}

/** Keys typed into a form field belong to the field (its own undo, deleting characters). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest("[role='dialog']")) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Deleting acts on the canvas's selection, so it only listens on the canvas (or with nothing
 * focused): Backspace on a panel's button or tree item must not delete a step.
 */
function isCanvasTarget(target: EventTarget | null): boolean {
  if (target === null || target === document.body || target === document.documentElement) return true;
  return target instanceof HTMLElement && target.closest(".fe-canvas") !== null;
}

/**
 * Delete/Backspace removes the selected node or edge; Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and
 * Ctrl+Y redo. Keys typed into form fields are left to the field.
 */
export function useCanvasShortcuts(shortcuts: CanvasShortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const current = latest.current;
      if (!current.enabled || event.defaultPrevented || isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      const command = event.ctrlKey || event.metaKey;
      if (command && key === "z") {
        event.preventDefault();
        if (event.shiftKey) current.onRedo();
        else current.onUndo();
      } else if (command && key === "y") {
        event.preventDefault();
        current.onRedo();
      } else if (
        !command &&
        !event.altKey &&
        (key === "delete" || key === "backspace") &&
        isCanvasTarget(event.target)
      ) {
        event.preventDefault();
        current.onDelete();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
