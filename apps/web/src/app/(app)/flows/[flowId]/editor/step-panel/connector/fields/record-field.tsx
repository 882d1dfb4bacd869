"use client";

import { formatPath, jsonEqual, type PathSegment } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useId, useState } from "react";
import { ExpressionInput } from "../../data-picker/expression-input";
import { controlAria, FieldMessages, GroupFrame, useFieldMessages } from "../../field-frame";
import { VisuallyHidden } from "../../visually-hidden";
import { asRecord, numberFieldValue, textOf, textToValue } from "../field-values";
import type { ScalarSpec } from "../json-schema-fields";
import type { ChangeOptions, FieldEditorProps, FieldOf } from "./field-props";

interface Entry {
  id: number;
  name: string;
  value: unknown;
}

let nextEntryId = 0;

function toEntries(value: unknown): Entry[] {
  return Object.entries(asRecord(value)).map(([name, item]) => ({ id: nextEntryId++, name, value: item }));
}

/** Entries without a name are still being typed: they stay on screen but are not saved yet. */
function toRecord(entries: readonly Entry[]): Record<string, unknown> | undefined {
  const named = entries.filter((entry) => entry.name.trim() !== "" && entry.value !== undefined);
  return named.length === 0 ? undefined : Object.fromEntries(named.map((entry) => [entry.name.trim(), entry.value]));
}

/** Free keys and their values (headers, metadata, CRM properties): name/value rows. */
export function RecordField({ field, path, value, onChange, onBlur }: FieldEditorProps<FieldOf<"record">>) {
  const groupId = useId();
  const [entries, setEntries] = useState(() => toEntries(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The document changed: from our own edit (nothing to do) or from elsewhere (undo) — show that.
    setSeen(value);
    if (!jsonEqual(toRecord(entries), value)) setEntries(toEntries(value));
  }
  const names = Object.keys(asRecord(value));
  const messages = useFieldMessages(
    formatPath(path),
    names.map((name) => formatPath([...path, name])),
  );

  function update(next: Entry[], options: ChangeOptions) {
    setEntries(next);
    const record = toRecord(next);
    if (!jsonEqual(record, value)) onChange(record, options);
  }

  return (
    <GroupFrame
      groupId={groupId}
      legend={field.label}
      required={field.required}
      hint={field.description}
      messages={messages}
    >
      {entries.map((entry, index) => (
        <EntryRow
          key={entry.id}
          label={`${field.label} ${index + 1}`}
          path={[...path, entry.name.trim()]}
          spec={field.spec.value}
          entry={entry}
          onChange={(changed, options) =>
            update(
              entries.map((item) => (item.id === entry.id ? changed : item)),
              options,
            )
          }
          onRemove={() =>
            update(
              entries.filter((item) => item.id !== entry.id),
              { debounce: false },
            )
          }
          onBlur={onBlur}
        />
      ))}
      <Button
        variant="secondary"
        onClick={() => setEntries([...entries, { id: nextEntryId++, name: "", value: undefined }])}
      >
        Add entry
      </Button>
    </GroupFrame>
  );
}

function EntryRow(props: {
  label: string;
  path: PathSegment[];
  spec: ScalarSpec;
  entry: Entry;
  onChange(entry: Entry, options: ChangeOptions): void;
  onRemove(): void;
  onBlur(): void;
}) {
  const { label, path, spec, entry, onChange, onRemove, onBlur } = props;
  const valueId = useId();
  const messages = useFieldMessages(formatPath(path));
  const setValue = (next: unknown, options: ChangeOptions) => onChange({ ...entry, value: next }, options);
  const aria = controlAria(valueId, { messages });
  return (
    <div className="step-record-row">
      <input
        type="text"
        aria-label={`${label} name`}
        placeholder="Name"
        value={entry.name}
        onChange={(event) => onChange({ ...entry, name: event.currentTarget.value }, { debounce: true })}
        onBlur={onBlur}
      />
      {spec.kind === "boolean" ? (
        <input
          id={valueId}
          type="checkbox"
          aria-label={`${label} value`}
          checked={entry.value === true}
          onChange={(event) => setValue(event.currentTarget.checked, { debounce: false })}
          {...aria}
        />
      ) : spec.kind === "enum" ? (
        <select
          id={valueId}
          aria-label={`${label} value`}
          value={typeof entry.value === "string" ? entry.value : ""}
          onChange={(event) => setValue(textToValue(event.currentTarget.value), { debounce: false })}
          {...aria}
        >
          <option value="">—</option>
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <ExpressionInput
          id={valueId}
          label={`${label} value`}
          ariaLabel={`${label} value`}
          placeholder="Value"
          value={textOf(entry.value)}
          onChange={(text, options) =>
            setValue(spec.kind === "number" ? numberFieldValue(text) : (textToValue(text) ?? ""), options)
          }
          onBlur={onBlur}
          {...aria}
        />
      )}
      <Button variant="secondary" onClick={onRemove}>
        Remove<VisuallyHidden> {label}</VisuallyHidden>
      </Button>
      <FieldMessages id={`${valueId}-problems`} messages={messages} />
    </div>
  );
}
