"use client";

import { formatPath } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useId } from "react";
import { GroupFrame, useFieldMessages } from "../../field-frame";
import { asArray, asRecord, withChild, withItem, withoutItem } from "../field-values";
import { singularNoun } from "../json-schema-fields";
import { FieldEditor } from "./field-editor";
import type { FieldEditorProps, FieldOf } from "./field-props";

/** An array of objects (invoice lines): one small form per row, "Add line" and "Remove". */
export function RowsField({ field, path, value, onChange, onBlur }: FieldEditorProps<FieldOf<"rows">>) {
  const groupId = useId();
  const rows = asArray(value);
  const noun = singularNoun(field.label);
  const rowPaths = rows.map((_, index) => formatPath([...path, index]));
  const messages = useFieldMessages(formatPath(path), rowPaths);
  return (
    <GroupFrame
      groupId={groupId}
      legend={field.label}
      required={field.required}
      hint={field.description}
      messages={messages}
    >
      {rows.map((row, index) => (
        <RowEditor
          // Rows have no identity of their own; their place in the list is what a problem points at.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          field={field}
          path={[...path, index]}
          legend={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${index + 1}`}
          value={row}
          onChange={(next, options) => onChange(withItem(value, index, next ?? {}), options)}
          onRemove={() => onChange(withoutItem(value, index), { debounce: false })}
          onBlur={onBlur}
        />
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, {}], { debounce: false })}>
        Add {noun}
      </Button>
    </GroupFrame>
  );
}

function RowEditor(props: {
  field: FieldOf<"rows">;
  path: (string | number)[];
  legend: string;
  value: unknown;
  onChange: FieldEditorProps["onChange"];
  onRemove(): void;
  onBlur(): void;
}) {
  const { field, path, legend, value, onChange, onRemove, onBlur } = props;
  const groupId = useId();
  const children = field.spec.fields.map((child) => formatPath([...path, child.key]));
  const messages = useFieldMessages(formatPath(path), children);
  const row = asRecord(value);
  return (
    <GroupFrame groupId={groupId} legend={legend} messages={messages}>
      {field.spec.fields.map((child) => (
        <FieldEditor
          key={child.key}
          field={child}
          path={[...path, child.key]}
          value={row[child.key]}
          onChange={(next, options) => onChange(withChild(value, child.key, next), options)}
          onBlur={onBlur}
        />
      ))}
      <Button variant="secondary" onClick={onRemove}>
        Remove
      </Button>
    </GroupFrame>
  );
}
