"use client";

import type { FlowNode, NodeSettings } from "@handoff/flow-core";
import { useId } from "react";
import { controlAria, FieldFrame, FieldMessages, useFieldMessages } from "./field-frame";
import { nodeSettings, type SettingsForm, settingsForm } from "./settings-form";
import { useStep } from "./step-context";
import { useSyncedDraft } from "./use-synced-draft";

/** Retries and continue-on-error for one step, collapsed under "Advanced". */
export function NodeSettingsSection({ node }: { node: FlowNode }) {
  const { edit } = useStep();
  const ids = { attempts: useId(), wait: useId(), continue: useId() };
  const messages = useFieldMessages("settings");
  const draft = useSyncedDraft<NodeSettings | undefined, SettingsForm>(node.settings, {
    commit: (settings) => edit([{ type: "update_node_settings", nodeId: node.id, settings: settings ?? null }]),
    toLocal: settingsForm,
    toSource: (form) => {
      const settings = nodeSettings(form);
      return settings === undefined ? null : { value: settings ?? undefined };
    },
  });
  const form = draft.value;
  const set = (change: Partial<SettingsForm>, debounce = false) => draft.set({ ...form, ...change }, { debounce });
  const incomplete = nodeSettings(form) === undefined ? ["Enter 1 to 20 attempts and a wait of up to an hour"] : [];

  return (
    <details className="step-advanced">
      <summary>Advanced</summary>
      <FieldMessages id={`${ids.attempts}-settings-problems`} messages={messages} />
      <div className="step-inline-fields">
        <FieldFrame inputId={ids.attempts} label="Attempts" hint="Empty: the flow's default" messages={incomplete}>
          <input
            id={ids.attempts}
            type="text"
            inputMode="numeric"
            value={form.attempts}
            onChange={(event) => set({ attempts: event.currentTarget.value }, true)}
            onBlur={draft.flush}
            {...controlAria(ids.attempts, { hint: "Empty: the flow's default", messages: incomplete })}
          />
        </FieldFrame>
        <FieldFrame
          inputId={ids.wait}
          label="Wait before retrying (seconds)"
          hint="Grows after each attempt"
          messages={[]}
        >
          <input
            id={ids.wait}
            type="text"
            inputMode="decimal"
            value={form.waitSeconds}
            onChange={(event) => set({ waitSeconds: event.currentTarget.value }, true)}
            onBlur={draft.flush}
            {...controlAria(ids.wait, { hint: "Grows after each attempt", messages: [] })}
          />
        </FieldFrame>
      </div>
      <div className="step-field step-field-inline">
        <input
          id={ids.continue}
          type="checkbox"
          checked={form.continueOnError}
          onChange={(event) => set({ continueOnError: event.currentTarget.checked })}
        />
        <label htmlFor={ids.continue}>Continue the flow when this step fails</label>
      </div>
    </details>
  );
}
