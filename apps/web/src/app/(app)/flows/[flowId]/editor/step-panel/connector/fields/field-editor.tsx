"use client";

import { BooleanField, EnumField } from "./choice-field";
import type { FieldEditorProps, FieldOf } from "./field-props";
import { JsonField } from "./json-field";
import { ListField } from "./list-field";
import { ObjectField } from "./object-field";
import { RecordField } from "./record-field";
import { RowsField } from "./rows-field";
import { TextField } from "./text-field";

/** The editor for a field of the props form, by the kind of value it holds. */
export function FieldEditor(props: FieldEditorProps) {
  const { field } = props;
  switch (field.spec.kind) {
    case "text":
    case "number":
      return <TextField {...props} field={field as FieldOf<"text" | "number">} />;
    case "enum":
      return <EnumField {...props} field={field as FieldOf<"enum">} />;
    case "boolean":
      return <BooleanField {...props} field={field as FieldOf<"boolean">} />;
    case "object":
      return <ObjectField {...props} field={field as FieldOf<"object">} />;
    case "rows":
      return <RowsField {...props} field={field as FieldOf<"rows">} />;
    case "list":
      return <ListField {...props} field={field as FieldOf<"list">} />;
    case "record":
      return <RecordField {...props} field={field as FieldOf<"record">} />;
    case "json":
      return <JsonField {...props} />;
  }
}
