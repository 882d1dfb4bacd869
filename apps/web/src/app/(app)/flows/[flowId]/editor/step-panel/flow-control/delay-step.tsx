"use client";

import { type DelayNode, DURATION_UNITS } from "@handoff/flow-core";
import { useId } from "react";
import { asProps } from "../as-props";
import { ExpressionInput } from "../data-picker/expression-input";
import { controlAria, FieldFrame, FieldMessages, useFieldMessages } from "../field-frame";
import { useStep } from "../step-context";
import { useSyncedDraft } from "../use-synced-draft";
import { type DelayForm, delayForm, delayProps } from "./delay-form";

const UNTIL_HINT = "An ISO date-time such as 2026-11-24T09:00, or a date from an earlier step";
const ZONE_HINT = "Used when the date has no offset, e.g. Europe/Paris";
const FIELD_ANCHORS = ["props.amount", "props.unit", "props.at", "props.timeZone"];

/** Wait a duration, or until a date (typed, or taken from an earlier step). */
export function DelayStep({ node, flowTimeZone }: { node: DelayNode; flowTimeZone: string }) {
  const { edit } = useStep();
  const ids = { mode: useId(), amount: useId(), unit: useId(), at: useId(), zone: useId() };
  const messages = {
    amount: useFieldMessages("props.amount"),
    unit: useFieldMessages("props.unit"),
    at: useFieldMessages("props.at"),
    zone: useFieldMessages("props.timeZone"),
    other: useFieldMessages("props", FIELD_ANCHORS),
  };
  const draft = useSyncedDraft(node.props, {
    commit: (props) => edit([{ type: "update_props", nodeId: node.id, mode: "replace", props: asProps(props) }]),
    toLocal: (props) => delayForm(props, flowTimeZone),
    toSource: (form: DelayForm) => {
      const props = delayProps(form);
      return props ? { value: props } : null;
    },
  });
  const form = draft.value;
  const set = (change: Partial<DelayForm>, debounce = false) => draft.set({ ...form, ...change }, { debounce });
  const amountInvalid = form.mode === "duration" && delayProps(form) === null;

  return (
    <section className="step-section" aria-label="Delay">
      <h3>Wait</h3>
      <FieldMessages id={`${ids.mode}-problems`} messages={messages.other} />
      <FieldFrame inputId={ids.mode} label="Wait" messages={[]}>
        <select
          id={ids.mode}
          value={form.mode}
          onChange={(event) => set({ mode: event.currentTarget.value as DelayForm["mode"] })}
        >
          <option value="duration">for a while</option>
          <option value="until">until a date</option>
        </select>
      </FieldFrame>
      {form.mode === "duration" ? (
        <div className="step-inline-fields">
          <FieldFrame
            inputId={ids.amount}
            label="Amount"
            required
            messages={amountInvalid ? [...messages.amount, "Enter a number greater than 0"] : messages.amount}
          >
            <input
              id={ids.amount}
              type="text"
              inputMode="decimal"
              value={form.amount}
              onChange={(event) => set({ amount: event.currentTarget.value }, true)}
              onBlur={draft.flush}
              {...controlAria(ids.amount, { messages: amountInvalid ? ["invalid"] : messages.amount, required: true })}
            />
          </FieldFrame>
          <FieldFrame inputId={ids.unit} label="Unit" messages={messages.unit}>
            <select
              id={ids.unit}
              value={form.unit}
              onChange={(event) => set({ unit: event.currentTarget.value as DelayForm["unit"] })}
            >
              {DURATION_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </FieldFrame>
        </div>
      ) : (
        <>
          <FieldFrame inputId={ids.at} label="Until" required hint={UNTIL_HINT} messages={messages.at}>
            <ExpressionInput
              id={ids.at}
              label="Until"
              insertMode="replace"
              value={form.at}
              onChange={(text, options) => set({ at: text }, options.debounce)}
              onBlur={draft.flush}
              {...controlAria(ids.at, { hint: UNTIL_HINT, messages: messages.at, required: true })}
            />
          </FieldFrame>
          <FieldFrame inputId={ids.zone} label="Time zone" hint={ZONE_HINT} messages={messages.zone}>
            <input
              id={ids.zone}
              type="text"
              value={form.timeZone}
              onChange={(event) => set({ timeZone: event.currentTarget.value }, true)}
              onBlur={draft.flush}
              {...controlAria(ids.zone, { hint: ZONE_HINT, messages: messages.zone })}
            />
          </FieldFrame>
        </>
      )}
    </section>
  );
}
