"use client";

import { Button } from "@handoff/ui";
import { nodeById } from "../editor-contract";
import { useFlowEditor } from "../use-flow-editor";
import type { TestRunner } from "./use-test-runner";

/**
 * "Test this step" for the selected action: it runs alone, fed with what the steps before it
 * produced in the last test (the server copies their results; nothing after it runs). Running
 * the whole draft again with the same event stays one click away.
 */
export function TestStepControl({ runner }: { runner: TestRunner }) {
  const editor = useFlowEditor();
  const node = nodeById(editor.draft, editor.selectedNodeId);
  if (!editor.canEdit || node?.type !== "action") return null;
  const label = node.label.trim() || node.id;
  const previous = editor.testRun;
  return (
    <fieldset className="ho-test-step">
      <legend>Test “{label}”</legend>
      {previous ? (
        <>
          <div className="ho-actions">
            <Button
              disabled={runner.busy}
              onClick={() => void runner.run({ kind: "step", runId: previous.runId, nodeId: node.id })}
            >
              Test this step
            </Button>
            <Button
              variant="secondary"
              disabled={runner.busy}
              onClick={() => void runner.run({ kind: "run", runId: previous.runId })}
            >
              Run again with the same event
            </Button>
          </div>
          <p className="ho-muted">
            “Test this step” runs only this step, with what the steps before it returned in the last test; the steps
            after it do not run. “Run again” runs the whole draft with the last test's event.
          </p>
        </>
      ) : (
        <p className="ho-muted">Run the test once; then this step can be tested again with the same event.</p>
      )}
    </fieldset>
  );
}
