"use client";

import { type ConditionNode, type FilterNode, type RuleGroup, ZRuleGroup } from "@handoff/flow-core";
import { asProps } from "../as-props";
import { useStep } from "../step-context";
import { useSyncedValue } from "../use-synced-draft";
import { unfinishedRules } from "./rule-edits";
import { RuleGroupEditor } from "./rule-group-editor";

const TEXTS = {
  condition: {
    label: "True when",
    intro: "The flow goes on through “true” when the rules match, through “false” otherwise.",
  },
  filter: { label: "Continue when", intro: "The run stops here, successfully, when the rules do not match." },
} as const;

/** A condition or a filter: one rule group, saved whole (`update_props` replace). */
export function ConditionStep({ node }: { node: ConditionNode | FilterNode }) {
  const { edit } = useStep();
  const draft = useSyncedValue<RuleGroup>(
    node.props,
    (group) => edit([{ type: "update_props", nodeId: node.id, mode: "replace", props: asProps(group) }]),
    (group) => ZRuleGroup.safeParse(group).success,
  );
  return (
    <section className="step-section" aria-label="Rules">
      <h3>Rules</h3>
      <p className="ho-muted">{TEXTS[node.type].intro}</p>
      <RuleGroupEditor
        group={draft.value}
        path={["props"]}
        combinatorLabel={TEXTS[node.type].label}
        emptyNote="No rules yet: add one."
        onChange={(group, options) => draft.set(group, options)}
        onBlur={draft.flush}
      />
      <UnsavedRulesNote groups={[draft.value]} />
    </section>
  );
}

export function UnsavedRulesNote({ groups }: { groups: readonly RuleGroup[] }) {
  const count = groups.reduce((sum, group) => sum + unfinishedRules(group), 0);
  if (count === 0) return null;
  return (
    <p role="status" className="ho-muted">
      {count === 1 ? "A rule without a field is" : `${count} rules without a field are`} not saved yet: pick what it
      compares.
    </p>
  );
}
