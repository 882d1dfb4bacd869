"use client";

import type { FlowNode, FlowOperation } from "@handoff/flow-core";
import { useCallback, useMemo, useState } from "react";
import { type FlowEditor, nodeById } from "../editor-contract";
import { useFlowEditor } from "../use-flow-editor";
import { findOperation } from "./catalog-lookup";
import { ConnectorStep } from "./connector/connector-step";
import { propAnchors, useFormFields } from "./connector/props-form";
import { dataSourcesFor } from "./data-picker/data-sources";
import { inlineMessage, panelAnchors, unplacedProblems } from "./field-problems";
import { DelayStep } from "./flow-control/delay-step";
import { LoopStep } from "./flow-control/loop-step";
import { NodeSettingsSection } from "./node-settings";
import { ConditionStep } from "./rules/condition-step";
import { PathsStep } from "./rules/paths-step";
import { StepContext, type StepContextValue } from "./step-context";
import { StepNameField } from "./step-name-field";
import "./step-panel.css";

const TYPE_LABELS: Readonly<Record<FlowNode["type"], string>> = {
  trigger: "Trigger",
  action: "Action",
  condition: "Condition",
  paths: "Paths",
  filter: "Filter",
  delay: "Delay",
  loop: "Loop",
};

/** The selected step's settings: what it does, with which account, and with which data. */
export function StepPanel() {
  const editor = useFlowEditor();
  const node = nodeById(editor.draft, editor.selectedNodeId);
  if (!node) {
    return (
      <section className="step-panel" aria-label="Step settings">
        <p className="ho-muted step-panel-empty">Select a step on the canvas</p>
      </section>
    );
  }
  // Keyed by node: another step starts with fresh fields (the old ones save what was typed first).
  return <StepEditor key={node.id} editor={editor} node={node} />;
}

function StepEditor({ editor, node }: { editor: FlowEditor; node: FlowNode }) {
  const { draft, catalog, testRun, canEdit, apply } = editor;
  const [refusal, setRefusal] = useState<string | null>(null);
  const problems = useMemo(
    () => editor.problems.filter((problem) => problem.nodeId === node.id),
    [editor.problems, node.id],
  );
  const dataSources = useMemo(
    () => dataSourcesFor({ draft, nodeId: node.id, catalog, testRun }),
    [draft, node.id, catalog, testRun],
  );
  const edit = useCallback(
    (operations: readonly FlowOperation[]) => {
      const result = apply(operations);
      setRefusal(result.ok ? null : result.message);
      return result.ok;
    },
    [apply],
  );
  const context = useMemo<StepContextValue>(
    () => ({ node, readOnly: !canEdit, problems, dataSources, edit }),
    [node, canEdit, problems, dataSources, edit],
  );
  const operation = node.type === "trigger" || node.type === "action" ? findOperation(catalog, node) : undefined;
  const fields = useFormFields(operation);
  const general = unplacedProblems(problems, panelAnchors(node.type, propAnchors(fields)));
  const title = node.label.trim() === "" ? TYPE_LABELS[node.type] : node.label;

  return (
    <StepContext.Provider value={context}>
      <section className="step-panel" aria-label="Step settings">
        <header className="step-panel-header">
          <h2>{title}</h2>
          <span className="ho-badge">{TYPE_LABELS[node.type]}</span>
          {problems.length > 0 ? (
            <span className="ho-badge ho-badge-danger">
              {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
            </span>
          ) : null}
        </header>
        {canEdit ? null : <p className="ho-notice">Your role can look at this step but not change it.</p>}
        {refusal ? (
          <p role="alert" className="ho-error">
            {refusal}
          </p>
        ) : null}
        {general.length > 0 ? (
          <section className="ho-notice step-problems" aria-label="Problems in this step">
            <ul>
              {general.map((problem) => (
                <li key={`${problem.code}:${problem.field ?? ""}:${problem.message}`}>
                  {inlineMessage(problem, node)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <fieldset className="step-panel-body" disabled={!canEdit}>
          <legend className="step-visually-hidden">{TYPE_LABELS[node.type]} settings</legend>
          <StepNameField />
          <StepBody node={node} editor={editor} />
          {node.type === "action" ? <NodeSettingsSection node={node} /> : null}
        </fieldset>
      </section>
    </StepContext.Provider>
  );
}

function StepBody({ node, editor }: { node: FlowNode; editor: FlowEditor }) {
  switch (node.type) {
    case "trigger":
    case "action":
      return <ConnectorStep node={node} catalog={editor.catalog} connections={editor.connections} />;
    case "condition":
    case "filter":
      return <ConditionStep node={node} />;
    case "paths":
      return <PathsStep node={node} />;
    case "delay":
      return <DelayStep node={node} flowTimeZone={editor.draft.settings?.timeZone ?? browserTimeZone()} />;
    case "loop":
      return <LoopStep node={node} />;
  }
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
