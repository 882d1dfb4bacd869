"use client";

import { Button } from "@handoff/ui";
import { type FormEvent, useId, useState } from "react";
import { useFlowEditor } from "../use-flow-editor";
import { type EventChoice, EventSourcePicker } from "./event-source-picker";
import { NodeResults } from "./node-results";
import { parsePayload } from "./parse-payload";
import { errorMessageOf, statusLabel, stepCounts } from "./test-run-view";
import { TestStepControl } from "./test-step-control";
import { type TestEventSource, type TestPhase, useTestRunner } from "./use-test-runner";
import "./test-panel.css";

const BUSY_LABELS: Readonly<Record<TestPhase, string>> = {
  idle: "Run test",
  saving: "Saving the draft…",
  starting: "Starting the test…",
  running: "Testing…",
};

/** Runs the draft with a sample, pasted or earlier event and shows every node's result. */
export function TestPanel() {
  const editor = useFlowEditor();
  const runner = useTestRunner();
  const headingId = useId();
  const [choice, setChoice] = useState<EventChoice>({ kind: "sample", payloadText: "", runId: "" });
  const [showPayloadError, setShowPayloadError] = useState(false);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const parsed = choice.kind === "payload" ? parsePayload(choice.payloadText) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChoiceError(null);
    let source: TestEventSource;
    if (choice.kind === "payload") {
      setShowPayloadError(true);
      if (!parsed?.ok) return;
      source = { kind: "payload", payload: parsed.payload };
    } else if (choice.kind === "run") {
      if (!choice.runId) {
        setChoiceError("Choose the past run whose event to use, or pick another source");
        return;
      }
      source = { kind: "run", runId: choice.runId };
    } else {
      source = { kind: "sample" };
    }
    void runner.run(source);
  }

  const run = editor.testRun;
  const counts = runner.result && run && runner.result.runId === run.runId ? stepCounts(runner.result) : {};
  const runError =
    runner.result && run && runner.result.runId === run.runId ? errorMessageOf(runner.result.error) : null;

  return (
    <section className="ho-test-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Test this flow</h2>
      {editor.canEdit ? (
        <form onSubmit={onSubmit} noValidate aria-label="Test event">
          <EventSourcePicker
            choice={choice}
            onChange={(next) => {
              setChoice(next);
              setChoiceError(null);
            }}
            parsed={parsed}
            showPayloadError={showPayloadError}
            onPayloadBlur={() => setShowPayloadError(choice.payloadText.trim() !== "")}
            flowId={editor.flowId}
            disabled={runner.busy}
          />
          {choiceError ? (
            <p role="alert" className="ho-error">
              {choiceError}
            </p>
          ) : null}
          <Button type="submit" disabled={runner.busy}>
            {BUSY_LABELS[runner.phase]}
          </Button>
          <p className="ho-muted ho-test-note">
            Tests use your test connections: a step set to a live connection runs with the test connection of the same
            tool instead. Test runs are marked as tests and the draft is saved first.
          </p>
        </form>
      ) : (
        <p className="ho-muted">Your role can read test results but not start a test.</p>
      )}

      {runner.error ? (
        <p role="alert" className="ho-error">
          {runner.error}
        </p>
      ) : null}
      {runner.notice ? <p className="ho-notice">{runner.notice}</p> : null}

      <TestStepControl runner={runner} />

      <div className="ho-test-run">
        <p role="status" className="ho-test-run-status">
          {run
            ? run.finished
              ? `Test run ${statusLabel(run.status).toLowerCase()}`
              : `Test run ${statusLabel(run.status).toLowerCase()}…`
            : "No test yet: run one to see each step's input, output and errors."}
        </p>
        {runError ? <p className="ho-error">{runError}</p> : null}
        {run ? (
          <NodeResults
            nodes={editor.draft.nodes}
            run={run}
            stepCounts={counts}
            selectedNodeId={editor.selectedNodeId}
            onShowNode={(nodeId) => editor.select(nodeId)}
          />
        ) : null}
      </div>
    </section>
  );
}
