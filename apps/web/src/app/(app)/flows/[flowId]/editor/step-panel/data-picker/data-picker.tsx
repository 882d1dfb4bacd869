"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useStep } from "../step-context";
import { VisuallyHidden } from "../visually-hidden";
import { DataTree } from "./data-tree";

/**
 * The "insert data" button beside a field and its popover: the tree of what earlier steps
 * produce. Picking a value hands its reference to the field, which puts it at the caret.
 */
export function DataPicker({ fieldLabel, onPick }: { fieldLabel: string; onPick(reference: string): void }) {
  const { dataSources } = useStep();
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  useEffect(() => {
    if (open) wrapper.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="step-picker" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="step-picker-button"
        title="Insert data from an earlier step"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">{"{ }"}</span>
        <VisuallyHidden>Insert data into {fieldLabel}</VisuallyHidden>
      </button>
      {open ? (
        <div
          id={popoverId}
          role="dialog"
          aria-labelledby={`${popoverId}-title`}
          className="step-picker-popover"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              close();
            }
          }}
        >
          <p id={`${popoverId}-title`} className="step-picker-title">
            Insert data from an earlier step
          </p>
          <DataTree
            sources={dataSources}
            onPick={(reference) => {
              onPick(reference);
              setOpen(false);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
