"use client";

import { useId, useState } from "react";
import { controlAria, FieldFrame, useFieldMessages } from "./field-frame";
import { useStep } from "./step-context";

const MAX_LABEL_LENGTH = 200;

/** The step's name on the canvas; renamed when the field is left (or on Enter), not per key. */
export function StepNameField() {
  const { node, edit } = useStep();
  const inputId = useId();
  const messages = useFieldMessages("label");
  const [typed, setTyped] = useState<string | null>(null);

  function save() {
    if (typed === null) return;
    const label = typed.trim();
    setTyped(null);
    if (label !== node.label) edit([{ type: "rename", nodeId: node.id, label }]);
  }

  return (
    <FieldFrame inputId={inputId} label="Step name" messages={messages}>
      <input
        id={inputId}
        type="text"
        maxLength={MAX_LABEL_LENGTH}
        value={typed ?? node.label}
        onChange={(event) => setTyped(event.currentTarget.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === "Enter") save();
          if (event.key === "Escape") setTyped(null);
        }}
        {...controlAria(inputId, { messages })}
      />
    </FieldFrame>
  );
}
