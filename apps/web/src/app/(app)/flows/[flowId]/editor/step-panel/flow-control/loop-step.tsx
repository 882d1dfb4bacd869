"use client";

import type { LoopNode } from "@handoff/flow-core";
import { useId } from "react";
import { ExpressionInput } from "../data-picker/expression-input";
import { controlAria, FieldFrame, useFieldMessages } from "../field-frame";
import { useStep } from "../step-context";
import { useSyncedValue } from "../use-synced-draft";

/** The list a loop goes over: an expression, usually picked from an earlier step's output. */
export function LoopStep({ node }: { node: LoopNode }) {
  const { edit } = useStep();
  const inputId = useId();
  const messages = useFieldMessages("props");
  const draft = useSyncedValue(
    node.props.items,
    (items) => edit([{ type: "update_props", nodeId: node.id, mode: "replace", props: { items } }]),
    (items) => items.trim() !== "",
  );
  const hint = `Each item runs the steps on the “body” output; they read it as steps.${node.id}.item (and .index).`;
  const shown = draft.value.trim() === "" ? [...messages, "Pick the list to go over"] : messages;
  return (
    <section className="step-section" aria-label="Loop">
      <h3>Loop</h3>
      <FieldFrame inputId={inputId} label="List to loop over" required hint={hint} messages={shown}>
        <ExpressionInput
          id={inputId}
          label="List to loop over"
          insertMode="replace"
          placeholder="{{ trigger.lines }}"
          value={draft.value}
          onChange={(text, options) => draft.set(text, options)}
          onBlur={draft.flush}
          {...controlAria(inputId, { hint, messages: shown, required: true })}
        />
      </FieldFrame>
    </section>
  );
}
