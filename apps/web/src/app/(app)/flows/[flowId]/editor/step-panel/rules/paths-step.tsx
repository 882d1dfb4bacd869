"use client";

import { formatPath, type PathsNode, ZPathsNode } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useId } from "react";
import { asProps } from "../as-props";
import { controlAria, FieldFrame, FieldMessages, useFieldMessages } from "../field-frame";
import { useStep } from "../step-context";
import { useSyncedValue } from "../use-synced-draft";
import { UnsavedRulesNote } from "./condition-step";
import { newBranch } from "./paths-edits";
import { RuleGroupEditor } from "./rule-group-editor";

type PathsProps = PathsNode["props"];

const MAX_BRANCHES = 20;

/** Named paths, each with its rules; the run takes the first (or every) path whose rules match. */
export function PathsStep({ node }: { node: PathsNode }) {
  const { edit } = useStep();
  const modeId = useId();
  const draft = useSyncedValue<PathsProps>(
    node.props,
    (props) => edit([{ type: "update_props", nodeId: node.id, mode: "replace", props: asProps(props) }]),
    (props) => ZPathsNode.shape.props.safeParse(props).success,
  );
  const { mode, branches } = draft.value;
  const otherMessages = useFieldMessages(
    "props",
    branches.flatMap((_, index) => [
      formatPath(["props", "branches", index, "rules"]),
      formatPath(["props", "branches", index, "label"]),
    ]),
  );
  const setBranches = (next: PathsProps["branches"], debounce: boolean) =>
    draft.set({ ...draft.value, branches: next }, { debounce });

  return (
    <section className="step-section" aria-label="Paths">
      <h3>Paths</h3>
      <FieldMessages id={`${modeId}-problems`} messages={otherMessages} />
      <div className="step-field">
        <label htmlFor={modeId}>Take</label>
        <select
          id={modeId}
          value={mode}
          onChange={(event) =>
            draft.set({ ...draft.value, mode: event.currentTarget.value as PathsProps["mode"] }, { debounce: false })
          }
        >
          <option value="first-match">only the first path that matches</option>
          <option value="all-match">every path that matches</option>
        </select>
      </div>
      {branches.map((branch, index) => (
        <fieldset key={branch.key} className="step-group">
          <legend>Path {index + 1}</legend>
          <BranchName
            name={`Path ${index + 1} name`}
            anchor={formatPath(["props", "branches", index, "label"])}
            value={branch.label}
            onChange={(label, debounce) =>
              setBranches(
                branches.map((other) => (other.key === branch.key ? { ...other, label } : other)),
                debounce,
              )
            }
            onBlur={draft.flush}
          />
          <RuleGroupEditor
            group={branch.rules}
            path={["props", "branches", index, "rules"]}
            combinatorLabel="Take this path when"
            emptyNote="No rules: this path is always taken (a catch-all, usually last)."
            onChange={(rules, options) =>
              setBranches(
                branches.map((other) => (other.key === branch.key ? { ...other, rules } : other)),
                options.debounce,
              )
            }
            onBlur={draft.flush}
          />
          <Button
            variant="secondary"
            disabled={branches.length <= 1}
            title={branches.length <= 1 ? "A paths step keeps at least one path" : undefined}
            onClick={() =>
              setBranches(
                branches.filter((other) => other.key !== branch.key),
                false,
              )
            }
          >
            Remove path
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        disabled={branches.length >= MAX_BRANCHES}
        onClick={() => setBranches([...branches, newBranch(branches)], false)}
      >
        Add path
      </Button>
      <UnsavedRulesNote groups={branches.map((branch) => branch.rules)} />
    </section>
  );
}

function BranchName(props: {
  name: string;
  anchor: string;
  value: string;
  onChange(label: string, debounce: boolean): void;
  onBlur(): void;
}) {
  const { name, anchor, value, onChange, onBlur } = props;
  const inputId = useId();
  const messages = useFieldMessages(anchor);
  return (
    <FieldFrame inputId={inputId} label={name} messages={messages}>
      <input
        id={inputId}
        type="text"
        maxLength={200}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value, true)}
        onBlur={onBlur}
        {...controlAria(inputId, { messages })}
      />
    </FieldFrame>
  );
}
