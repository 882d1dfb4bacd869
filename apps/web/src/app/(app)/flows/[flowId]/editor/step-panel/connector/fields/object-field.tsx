"use client";

import { formatPath } from "@handoff/flow-core";
import { useId } from "react";
import { GroupFrame, useFieldMessages } from "../../field-frame";
import { asRecord, withChild } from "../field-values";
import { FieldEditor } from "./field-editor";
import type { FieldEditorProps, FieldOf } from "./field-props";

/** An object prop: its properties as fields of a fieldset. */
export function ObjectField({ field, path, value, onChange, onBlur }: FieldEditorProps<FieldOf<"object">>) {
  const groupId = useId();
  const children = field.spec.fields.map((child) => formatPath([...path, child.key]));
  const messages = useFieldMessages(formatPath(path), children);
  const object = asRecord(value);
  return (
    <GroupFrame
      groupId={groupId}
      legend={field.label}
      required={field.required}
      hint={field.description}
      messages={messages}
    >
      {field.spec.fields.map((child) => (
        <FieldEditor
          key={child.key}
          field={child}
          path={[...path, child.key]}
          value={object[child.key]}
          onChange={(next, options) => onChange(withChild(value, child.key, next), options)}
          onBlur={onBlur}
        />
      ))}
    </GroupFrame>
  );
}
