import type { PathSegment } from "@handoff/flow-core";
import type { FormField, ScalarSpec } from "../json-schema-fields";

export interface ChangeOptions {
  /** Typing: saved after a pause. Choices, checkboxes and added rows are saved at once. */
  debounce: boolean;
}

/** What every field editor gets: its place in the props, its value, and how to change it. */
export interface FieldEditorProps<F extends FormField = FormField> {
  field: F;
  /** Its path from the node (`["props", "lines", 0, "description"]`), which problems are matched on. */
  path: PathSegment[];
  value: unknown;
  onChange(value: unknown, options: ChangeOptions): void;
  onBlur(): void;
}

export type FieldOf<K extends FormField["spec"]["kind"]> = FormField & {
  spec: Extract<FormField["spec"], { kind: K }>;
};

/** A list item or a record value: a field of its own, named after its place in the list. */
export function scalarField(key: string, label: string, spec: ScalarSpec): FormField {
  return { key, label, required: true, spec };
}
