"use client";

import { formatPath } from "@handoff/flow-core";
import { useId, useState } from "react";
import { ExpressionInput } from "../../data-picker/expression-input";
import { controlAria, FieldFrame, useFieldMessages } from "../../field-frame";
import { jsonFieldValue, jsonText } from "../field-values";
import type { FieldEditorProps } from "./field-props";

/**
 * A free JSON value (an HTTP body). The text is kept while typing: half-typed JSON is saved as
 * text and becomes structured again once it parses.
 */
export function JsonField({ field, path, value, onChange, onBlur }: FieldEditorProps) {
  const inputId = useId();
  const messages = useFieldMessages(formatPath(path));
  const [typed, setTyped] = useState<{ text: string; value: unknown } | null>(null);
  const text = typed && typed.value === value ? typed.text : jsonText(value);
  const hint = [field.description, "JSON, or text with {{ … }} references"].filter(Boolean).join(" — ");
  return (
    <FieldFrame inputId={inputId} label={field.label} required={field.required} hint={hint} messages={messages}>
      <ExpressionInput
        id={inputId}
        label={field.label}
        value={text}
        multiline
        onChange={(next, options) => {
          const parsed = jsonFieldValue(next);
          setTyped({ text: next, value: parsed });
          onChange(parsed, options);
        }}
        onBlur={() => {
          setTyped(null);
          onBlur();
        }}
        {...controlAria(inputId, { hint, messages, required: field.required })}
      />
    </FieldFrame>
  );
}
