"use client";

import { formatPath } from "@handoff/flow-core";
import { useId } from "react";
import { controlAria, FieldFrame, FieldMessages, useFieldMessages } from "../../field-frame";
import type { FieldEditorProps, FieldOf } from "./field-props";

/** One of a fixed list (an enum): a select, empty for "not set" unless a value is required. */
export function EnumField({ field, path, value, onChange }: FieldEditorProps<FieldOf<"enum">>) {
  const inputId = useId();
  const messages = useFieldMessages(formatPath(path));
  const current = typeof value === "string" ? value : typeof field.defaultValue === "string" ? field.defaultValue : "";
  const options =
    field.spec.options.includes(current) || current === "" ? field.spec.options : [current, ...field.spec.options];
  return (
    <FieldFrame
      inputId={inputId}
      label={field.label}
      required={field.required}
      hint={field.description}
      messages={messages}
    >
      <select
        id={inputId}
        value={current}
        onChange={(event) =>
          onChange(event.currentTarget.value === "" ? undefined : event.currentTarget.value, { debounce: false })
        }
        {...controlAria(inputId, { hint: field.description, messages, required: field.required })}
      >
        {current === "" || !field.required ? <option value="">{field.required ? "Choose…" : "—"}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function BooleanField({ field, path, value, onChange }: FieldEditorProps<FieldOf<"boolean">>) {
  const inputId = useId();
  const messages = useFieldMessages(formatPath(path));
  const checked = typeof value === "boolean" ? value : field.defaultValue === true;
  return (
    <div className="step-field step-field-inline">
      <input
        id={inputId}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked, { debounce: false })}
        {...controlAria(inputId, { hint: field.description, messages })}
      />
      <label htmlFor={inputId}>{field.label}</label>
      {field.description ? (
        <p id={`${inputId}-hint`} className="ho-muted step-hint">
          {field.description}
        </p>
      ) : null}
      <FieldMessages id={`${inputId}-problems`} messages={messages} />
    </div>
  );
}
