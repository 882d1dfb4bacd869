"use client";

import type { FlowNode } from "@handoff/flow-core";
import type { TestRunView, TestStepView } from "../editor-contract";
import { JsonTree } from "./json-tree";
import { errorMessageOf, formatDuration, statusLabel, statusTone } from "./test-run-view";

/** One collapsible result per node, in the draft's order: status and duration, then input, output, error. */
export function NodeResults({
  nodes,
  run,
  stepCounts,
  selectedNodeId,
  onShowNode,
}: {
  nodes: readonly FlowNode[];
  run: TestRunView;
  stepCounts: Readonly<Record<string, number>>;
  selectedNodeId: string | null;
  onShowNode: (nodeId: string) => void;
}) {
  return (
    <ol className="ho-test-results" aria-label="Step results">
      {nodes.map((node) => (
        <NodeResult
          key={node.id}
          node={node}
          step={run.steps[node.id]}
          runFinished={run.finished}
          count={stepCounts[node.id] ?? 0}
          selected={node.id === selectedNodeId}
          onShowNode={onShowNode}
        />
      ))}
    </ol>
  );
}

function NodeResult({
  node,
  step,
  runFinished,
  count,
  selected,
  onShowNode,
}: {
  node: FlowNode;
  step: TestStepView | undefined;
  runFinished: boolean;
  count: number;
  selected: boolean;
  onShowNode: (nodeId: string) => void;
}) {
  const label = node.label.trim() || node.id;
  const status = step ? statusLabel(step.status) : runFinished ? "Not run" : "Pending";
  const tone = step ? statusTone(step.status) : "neutral";
  const duration = step ? formatDuration(step.durationMs) : null;
  const errorMessage = step ? errorMessageOf(step.error) : null;
  return (
    <li
      className={`ho-test-result${selected ? " ho-test-result-selected" : ""}`}
      data-testid={`test-result-${node.id}`}
    >
      <details open={selected || step?.status === "failed"}>
        <summary>
          <span className="ho-test-result-label">{label}</span>
          <span className={tone === "neutral" ? "ho-badge" : `ho-badge ho-badge-${tone}`}>{status}</span>
          {duration ? <span className="ho-muted ho-test-duration">{duration}</span> : null}
        </summary>
        <div className="ho-test-result-body">
          {step ? (
            <>
              {count > 1 ? (
                <p className="ho-muted">
                  Ran {count} times (once per loop item); showing{" "}
                  {step.status === "failed" ? "the first that failed" : "the last"}.
                </p>
              ) : null}
              {errorMessage ? <p className="ho-error">{errorMessage}</p> : null}
              <h4>Input</h4>
              <JsonTree value={step.input} label={`${label} input`} expandDepth={2} />
              <h4>Output</h4>
              <JsonTree value={step.output} label={`${label} output`} expandDepth={2} />
              {step.error !== null && step.error !== undefined ? (
                <>
                  <h4>Error</h4>
                  <JsonTree value={step.error} label={`${label} error`} />
                </>
              ) : null}
            </>
          ) : (
            <p className="ho-muted">
              {runFinished
                ? "This step did not run: a condition or filter before it went another way, or an earlier step failed."
                : "Not reached yet."}
            </p>
          )}
          <button type="button" className="ho-test-link" onClick={() => onShowNode(node.id)}>
            Show “{label}” on the canvas
          </button>
        </div>
      </details>
    </li>
  );
}
