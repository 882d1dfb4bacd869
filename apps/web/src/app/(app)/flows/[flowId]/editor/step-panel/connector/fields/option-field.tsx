"use client";

import { containsExpression, formatPath } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { ExpressionInput } from "../../data-picker/expression-input";
import { controlAria, FieldFrame, useFieldMessages } from "../../field-frame";
import { useStep } from "../../step-context";
import { textOf, textToValue } from "../field-values";
import type { FieldEditorProps } from "./field-props";

export interface OptionSource {
  connector: string;
  operation: string;
  connectionId: string | undefined;
  /** The other option props' values: stages depend on the chosen pipeline. */
  dependsOn: Record<string, unknown>;
}

const LOADING = "Loading choices…";

function selectedValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value !== "" ? [value] : [];
}

/**
 * A prop whose choices come from the provider (pipelines, stages, tax rates), loaded through the
 * step's connection — or, for a value only known at run time, a reference to an earlier step.
 */
export function OptionField({
  field,
  path,
  value,
  onChange,
  onBlur,
  source,
}: FieldEditorProps & { source: OptionSource }) {
  const trpc = useTRPC();
  const { readOnly } = useStep();
  const inputId = useId();
  const messages = useFieldMessages(formatPath(path));
  const multiple = field.spec.kind === "list";
  const [typing, setTyping] = useState(typeof value === "string" && containsExpression(value));
  const { connectionId } = source;
  const choices = useQuery(
    trpc.flows.options.queryOptions(
      {
        connector: source.connector,
        operation: source.operation,
        prop: field.key,
        connectionId: connectionId ?? "",
        props: source.dependsOn,
      },
      { enabled: connectionId !== undefined && !typing && !readOnly, staleTime: 60_000, retry: false },
    ),
  );
  const aria = controlAria(inputId, { hint: field.description, messages, required: field.required });

  if (typing || readOnly) {
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
          onChange={(text, options) => onChange(textToValue(text), options)}
          onBlur={onBlur}
          {...aria}
        />
        {readOnly ? null : (
          <Button variant="secondary" className="step-link-button" onClick={() => setTyping(false)}>
            Choose from the list
          </Button>
        )}
      </FieldFrame>
    );
  }

  const selected = selectedValues(value);
  const loaded = choices.data ?? [];
  const unknown = selected.filter((item) => !loaded.some((choice) => choice.value === item));
  const status =
    connectionId === undefined
      ? "Choose a connection first"
      : choices.isPending
        ? LOADING
        : choices.isError
          ? "Could not load the choices"
          : undefined;

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
        multiple={multiple}
        disabled={status !== undefined && unknown.length === 0}
        value={multiple ? selected : (selected[0] ?? "")}
        onChange={(event) => {
          const values = [...event.currentTarget.selectedOptions].map((option) => option.value).filter((v) => v !== "");
          onChange(multiple ? (values.length > 0 ? values : undefined) : values[0], { debounce: false });
        }}
        {...aria}
      >
        {multiple ? null : <option value="">{status === LOADING ? LOADING : field.required ? "Choose…" : "—"}</option>}
        {unknown.map((item) => (
          <option key={`current-${item}`} value={item}>
            {item}
          </option>
        ))}
        {loaded.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {status && status !== LOADING ? <p className="ho-muted step-hint">{status}</p> : null}
      {choices.isError ? (
        <p role="alert" className="ho-error">
          {choices.error.message}{" "}
          <Button variant="secondary" onClick={() => void choices.refetch()}>
            Try again
          </Button>
        </p>
      ) : null}
      <Button variant="secondary" className="step-link-button" onClick={() => setTyping(true)}>
        Use a value from an earlier step
      </Button>
    </FieldFrame>
  );
}
