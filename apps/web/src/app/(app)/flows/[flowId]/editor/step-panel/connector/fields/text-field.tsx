"use client";

import { formatPath } from "@handoff/flow-core";
import { useId } from "react";
import { ExpressionInput } from "../../data-picker/expression-input";
import { controlAria, FieldFrame, useFieldMessages } from "../../field-frame";
import { numberFieldValue, textOf, textToValue } from "../field-values";
import type { FieldEditorProps, FieldOf } from "./field-props";

/** Text, or a number that may also be a `{{ … }}` reference; both take data from earlier steps. */
export function TextField({ field, path, value, onChange, onBlur }: FieldEditorProps<FieldOf<"text" | "number">>) {
  const inputId = useId();
  const messages = useFieldMessages(formatPath(path));
  const isNumber = field.spec.kind === "number";
  const placeholder =
    isNumber && field.defaultValue !== undefined ? `${textOf(field.defaultValue)} by default` : undefined;
  return (
    <FieldFrame
      inputId={inputId}
      label={field.label}
      required={field.required}
      hint={field.description}
      messages={messages}
    >
      <ExpressionInput
        id={inputId}
        label={field.label}
        value={textOf(value)}
        multiline={field.spec.kind === "text" && field.spec.multiline}
        insertMode={isNumber ? "replace" : "caret"}
        inputMode={isNumber ? "decimal" : undefined}
        placeholder={placeholder}
        onChange={(text, options) => onChange(isNumber ? numberFieldValue(text) : textToValue(text), options)}
        onBlur={onBlur}
        {...controlAria(inputId, { hint: field.description, messages, required: field.required })}
      />
    </FieldFrame>
  );
}
