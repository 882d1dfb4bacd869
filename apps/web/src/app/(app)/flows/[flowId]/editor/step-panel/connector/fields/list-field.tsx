"use client";

import { formatPath } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useId } from "react";
import { GroupFrame, useFieldMessages } from "../../field-frame";
import { VisuallyHidden } from "../../visually-hidden";
import { asArray, withItem, withoutItem } from "../field-values";
import { singularNoun } from "../json-schema-fields";
import { FieldEditor } from "./field-editor";
import { type FieldEditorProps, type FieldOf, scalarField } from "./field-props";

/** An array of plain values (tax rate ids): one input per item. */
export function ListField({ field, path, value, onChange, onBlur }: FieldEditorProps<FieldOf<"list">>) {
  const groupId = useId();
  const items = asArray(value);
  const noun = singularNoun(field.label);
  const Noun = `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`;
  const messages = useFieldMessages(
    formatPath(path),
    items.map((_, index) => formatPath([...path, index])),
  );
  return (
    <GroupFrame
      groupId={groupId}
      legend={field.label}
      required={field.required}
      hint={field.description}
      messages={messages}
    >
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are addressed by their place in the list
        <div key={index} className="step-list-item">
          <FieldEditor
            field={scalarField(String(index), `${Noun} ${index + 1}`, field.spec.item)}
            path={[...path, index]}
            value={item}
            onChange={(next, options) => onChange(withItem(value, index, next), options)}
            onBlur={onBlur}
          />
          <Button variant="secondary" onClick={() => onChange(withoutItem(value, index), { debounce: false })}>
            Remove
            <VisuallyHidden>
              {" "}
              {noun} {index + 1}
            </VisuallyHidden>
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...items, ""], { debounce: false })}>
        Add {noun}
      </Button>
    </GroupFrame>
  );
}
