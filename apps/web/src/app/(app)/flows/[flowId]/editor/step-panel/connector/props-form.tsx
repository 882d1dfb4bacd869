"use client";

import { type ConnectorNode, containsExpression, formatPath } from "@handoff/flow-core";
import { useMemo } from "react";
import type { CatalogOperation } from "../editor-lookups";
import { useSyncedValue } from "../use-synced-draft";
import { FieldEditor } from "./fields/field-editor";
import { OptionField, type OptionSource } from "./fields/option-field";
import { type FormField, formFields } from "./json-schema-fields";
import { usePropWriter } from "./use-prop-writer";

/** The anchors of the form's fields (`props.email`), for placing problems. */
export function propAnchors(fields: readonly FormField[]): string[] {
  return fields.map((field) => formatPath(["props", field.key]));
}

export function useFormFields(operation: CatalogOperation | undefined): FormField[] {
  return useMemo(() => formFields(operation?.form), [operation?.form]);
}

/** Option loaders read the other option props (a pipeline before its stages), not the rest. */
function optionDependencies(node: ConnectorNode, optionProps: readonly string[], prop: string) {
  const entries = optionProps
    .filter((other) => other !== prop)
    .map((other) => [other, node.props[other]] as const)
    .filter(([, value]) => value !== undefined && !(typeof value === "string" && containsExpression(value)));
  return Object.fromEntries(entries);
}

/** The operation's props as a form generated from its schema; each field saves itself. */
export function PropsForm({ node, operation }: { node: ConnectorNode; operation: CatalogOperation }) {
  const fields = useFormFields(operation);
  const write = usePropWriter(node);
  if (fields.length === 0) {
    return <p className="ho-muted">Nothing to fill in for this {node.type === "trigger" ? "event" : "action"}.</p>;
  }
  // Only actions load options (the server's `flows.options` reads action loaders).
  const optionProps = node.type === "action" ? operation.optionProps : [];
  return (
    <div className="step-props">
      {fields.map((field) => (
        <TopLevelField
          key={field.key}
          field={field}
          value={node.props[field.key]}
          write={(value) => write(field.key, value)}
          optionSource={
            optionProps.includes(field.key)
              ? {
                  connector: node.connector,
                  operation: node.operation,
                  connectionId: node.connectionId,
                  dependsOn: optionDependencies(node, optionProps, field.key),
                }
              : undefined
          }
        />
      ))}
    </div>
  );
}

function TopLevelField(props: {
  field: FormField;
  value: unknown;
  write(value: unknown): void;
  optionSource: OptionSource | undefined;
}) {
  const { field, value, write, optionSource } = props;
  const draft = useSyncedValue<unknown>(value, write);
  const editorProps = {
    field,
    path: ["props", field.key],
    value: draft.value,
    onChange: (next: unknown, options: { debounce: boolean }) => draft.set(next, options),
    onBlur: draft.flush,
  };
  return optionSource ? <OptionField {...editorProps} source={optionSource} /> : <FieldEditor {...editorProps} />;
}
