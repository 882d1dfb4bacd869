"use client";

import { type AriaAttributes, useRef } from "react";
import { useStep } from "../step-context";
import { DataPicker } from "./data-picker";
import { insertReference, type TextSelection } from "./reference-path";

export interface ExpressionInputProps
  extends Pick<AriaAttributes, "aria-describedby" | "aria-invalid" | "aria-required"> {
  id: string;
  /** The field's name, for the picker button ("Insert data into Email"). */
  label: string;
  value: string;
  onChange(text: string, options: { debounce: boolean }): void;
  onBlur?(): void;
  multiline?: boolean;
  /** "replace": a picked reference becomes the whole value (numbers, a loop's list). */
  insertMode?: "caret" | "replace";
  placeholder?: string;
  /** When no visible `<label>` names the input (rows of a rule). */
  ariaLabel?: string;
  inputMode?: "text" | "decimal" | "numeric";
}

/** A text field that can hold `{{ … }}` references, with the data picker beside it. */
export function ExpressionInput({
  id,
  label,
  value,
  onChange,
  onBlur,
  multiline = false,
  insertMode = "caret",
  placeholder,
  ariaLabel,
  inputMode,
  ...aria
}: ExpressionInputProps) {
  const { readOnly } = useStep();
  const element = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // The caret as it was when the field lost focus to the picker button.
  const selection = useRef<TextSelection | null>(null);

  function remember() {
    const input = element.current;
    if (input) selection.current = { start: input.selectionStart ?? 0, end: input.selectionEnd ?? 0 };
  }

  function insert(reference: string) {
    const where = insertMode === "replace" ? { start: 0, end: value.length } : selection.current;
    const { text, caret } = insertReference(value, where, reference);
    onChange(text, { debounce: false });
    selection.current = { start: caret, end: caret };
    requestAnimationFrame(() => {
      element.current?.focus();
      element.current?.setSelectionRange(caret, caret);
    });
  }

  const shared = {
    id,
    ref: element,
    value,
    placeholder,
    "aria-label": ariaLabel,
    ...aria,
    onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value, { debounce: true }),
    onSelect: remember,
    onBlur: () => {
      remember();
      onBlur?.();
    },
  };

  return (
    <div className="step-expression">
      {multiline ? <textarea rows={3} {...shared} /> : <input type="text" inputMode={inputMode} {...shared} />}
      {readOnly ? null : <DataPicker fieldLabel={ariaLabel ?? label} onPick={insert} />}
    </div>
  );
}
