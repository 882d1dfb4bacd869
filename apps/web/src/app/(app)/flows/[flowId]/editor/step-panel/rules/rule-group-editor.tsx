"use client";

import { formatPath, isRuleGroup, type PathSegment, type RuleGroup } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useId } from "react";
import { FieldMessages, useFieldMessages } from "../field-frame";
import { canNestGroup, newGroup, newRule, withAdded, withEntry, withoutEntry } from "./rule-edits";
import { RuleRow } from "./rule-row";

export type GroupChange = (group: RuleGroup, options: { debounce: boolean }) => void;

interface RuleGroupEditorProps {
  group: RuleGroup;
  path: PathSegment[];
  /** Numbers rules within nested groups: "2." makes "Rule 2.1". */
  numberPrefix?: string;
  depth?: number;
  /** The top group's all/any label: "True when", "Take this path when". */
  combinatorLabel?: string;
  /** What an empty group means here: a condition needs rules; a paths branch without any always matches. */
  emptyNote: string;
  onChange: GroupChange;
  onBlur(): void;
}

/** Rules joined by all/any, without code: rows of [field, operator, value] and nested groups. */
export function RuleGroupEditor(props: RuleGroupEditorProps) {
  const {
    group,
    path,
    numberPrefix = "",
    depth = 1,
    combinatorLabel = "Matches when",
    emptyNote,
    onChange,
    onBlur,
  } = props;
  const combinatorId = useId();
  const groupAnchor = formatPath(path);
  const entryAnchors = group.rules.map((_, index) => formatPath([...path, "rules", index]));
  const messages = useFieldMessages(groupAnchor, entryAnchors);
  const label = numberPrefix === "" ? combinatorLabel : `Group ${numberPrefix.replace(/\.$/, "")} matches when`;

  return (
    <div className="step-rule-group">
      <div className="step-field step-field-inline">
        <label htmlFor={combinatorId}>{label}</label>
        <select
          id={combinatorId}
          value={group.combinator}
          onChange={(event) =>
            onChange(
              { ...group, combinator: event.currentTarget.value as RuleGroup["combinator"] },
              { debounce: false },
            )
          }
        >
          <option value="and">all rules match</option>
          <option value="or">any rule matches</option>
        </select>
      </div>
      <FieldMessages id={`${combinatorId}-problems`} messages={messages} />
      {group.rules.length === 0 ? <p className="ho-muted">{emptyNote}</p> : null}
      {group.rules.map((entry, index) => {
        const number = `${numberPrefix}${index + 1}`;
        const entryPath = [...path, "rules", index];
        const change = (next: RuleGroup | typeof entry, options: { debounce: boolean }) =>
          onChange(withEntry(group, index, next), options);
        const remove = () => onChange(withoutEntry(group, index), { debounce: false });
        return isRuleGroup(entry) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules are addressed by their place, as problems are
          <fieldset key={index} className="step-group">
            <legend>Group {number}</legend>
            <RuleGroupEditor
              group={entry}
              path={entryPath}
              numberPrefix={`${number}.`}
              depth={depth + 1}
              emptyNote="An empty group has no effect until it has a rule."
              onChange={change}
              onBlur={onBlur}
            />
            <Button variant="secondary" onClick={remove}>
              Remove group
            </Button>
          </fieldset>
        ) : (
          <RuleRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are addressed by their place, as problems are
            key={index}
            name={`Rule ${number}`}
            path={entryPath}
            rule={entry}
            onChange={change}
            onRemove={remove}
            onBlur={onBlur}
          />
        );
      })}
      <div className="ho-actions">
        <Button variant="secondary" onClick={() => onChange(withAdded(group, newRule()), { debounce: false })}>
          Add rule
        </Button>
        {canNestGroup(depth) ? (
          <Button variant="secondary" onClick={() => onChange(withAdded(group, newGroup()), { debounce: false })}>
            Add group
          </Button>
        ) : null}
      </div>
    </div>
  );
}
