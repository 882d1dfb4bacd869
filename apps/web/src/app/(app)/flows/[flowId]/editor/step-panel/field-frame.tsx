"use client";

import type { ReactNode } from "react";
import { inlineMessage, problemsAt } from "./field-problems";
import { useStep } from "./step-context";

/** The messages of the problems a field shows (see `problemsAt`), worded for under the field. */
export function useFieldMessages(anchor: string, claimedByChildren: readonly string[] = []): string[] {
  const { node, problems } = useStep();
  return problemsAt(problems, anchor, claimedByChildren).map((problem) => inlineMessage(problem, node));
}

/** The ARIA wiring of a control to its hint and its messages. */
export function controlAria(
  inputId: string,
  options: { hint?: string; messages: readonly string[]; required?: boolean },
) {
  const describedBy = [options.hint ? `${inputId}-hint` : "", options.messages.length > 0 ? `${inputId}-problems` : ""]
    .filter((part) => part !== "")
    .join(" ");
  return {
    "aria-describedby": describedBy === "" ? undefined : describedBy,
    "aria-invalid": options.messages.length > 0 ? true : undefined,
    "aria-required": options.required ? true : undefined,
  } as const;
}

export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="step-field-problems">
      {messages.map((message) => (
        <li key={message} className="ho-error">
          {message}
        </li>
      ))}
    </ul>
  );
}

function RequiredMark({ required }: { required?: boolean }) {
  // Outside the <label> and hidden from assistive tech, so the field is found as "Email", not "Email *".
  return required ? (
    <span className="step-required" aria-hidden="true" title="Required">
      {" *"}
    </span>
  ) : null;
}

/** A labelled control with its hint and its validation messages. */
export function FieldFrame(props: {
  inputId: string;
  label: string;
  required?: boolean;
  hint?: string;
  messages: readonly string[];
  children: ReactNode;
}) {
  const { inputId, label, required, hint, messages, children } = props;
  return (
    <div className="step-field">
      <div className="step-label">
        <label htmlFor={inputId}>{label}</label>
        <RequiredMark required={required} />
      </div>
      {hint ? (
        <p id={`${inputId}-hint`} className="ho-muted step-hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldMessages id={`${inputId}-problems`} messages={messages} />
    </div>
  );
}

/** A group of fields (an object, rows of a list) named by its legend. */
export function GroupFrame(props: {
  groupId: string;
  legend: string;
  required?: boolean;
  hint?: string;
  messages: readonly string[];
  children: ReactNode;
}) {
  const { groupId, legend, required, hint, messages, children } = props;
  return (
    <fieldset className="step-group" aria-describedby={messages.length > 0 ? `${groupId}-problems` : undefined}>
      <legend>
        {legend}
        <RequiredMark required={required} />
      </legend>
      {hint ? <p className="ho-muted step-hint">{hint}</p> : null}
      <FieldMessages id={`${groupId}-problems`} messages={messages} />
      {children}
    </fieldset>
  );
}
