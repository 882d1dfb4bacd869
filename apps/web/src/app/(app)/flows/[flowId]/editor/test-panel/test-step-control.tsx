"use client";

import { Button } from "@handoff/ui";
import { nodeById } from "../editor-contract";
import { useFlowEditor } from "../use-flow-editor";
import type { TestRunner } from "./use-test-runner";

/**
 * "Test this step" for the selected action. The server always runs the whole draft (a step's
 * input depends on the steps before it, and running one alone would need their outputs replayed),
 * so this re-runs everything with the previous test's event — which is what the label says.
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
          <Button
            variant="secondary"
            disabled={runner.busy}
            onClick={() => void runner.run({ kind: "run", runId: previous.runId })}
          >
            Run again with the same event
          </Button>
          <p className="ho-muted">
            Runs the whole draft again with the last test's event, so this step gets the same input from the steps
            before it. Steps cannot run on their own yet.
          </p>
        </>
      ) : (
        <p className="ho-muted">Run the test once; then this step can be tested again with the same event.</p>
      )}
    </fieldset>
  );
}
