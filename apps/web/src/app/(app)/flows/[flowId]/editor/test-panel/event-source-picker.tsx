"use client";

import { useId } from "react";
import type { PayloadParseResult } from "./parse-payload";
import { pastRunLabel } from "./past-runs";
import { usePastRuns } from "./use-past-runs";

export interface EventChoice {
  kind: "sample" | "payload" | "run";
  payloadText: string;
  runId: string;
}

const SOURCES: readonly { kind: EventChoice["kind"]; label: string }[] = [
  { kind: "sample", label: "Sample event" },
  { kind: "payload", label: "Paste a payload" },
  { kind: "run", label: "A past run's event" },
];

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

/** Which event the test runs with: the trigger's sample, a pasted JSON object, or an earlier test's event. */
export function EventSourcePicker({
  choice,
  onChange,
  parsed,
  showPayloadError,
  onPayloadBlur,
  flowId,
  disabled,
}: {
  choice: EventChoice;
  onChange: (choice: EventChoice) => void;
  parsed: PayloadParseResult | null;
  showPayloadError: boolean;
  onPayloadBlur: () => void;
  flowId: string;
  disabled: boolean;
}) {
  const id = useId();
  const pastRuns = usePastRuns(flowId, choice.kind === "run");
  const payloadError = parsed && !parsed.ok && showPayloadError ? parsed.message : null;
  return (
    <>
      <fieldset className="ho-test-sources" disabled={disabled}>
        <legend>Event to test with</legend>
        {SOURCES.map((source) => (
          <label key={source.kind} className="ho-test-source">
            <input
              type="radio"
              name={`${id}-source`}
              value={source.kind}
              checked={choice.kind === source.kind}
              onChange={() => onChange({ ...choice, kind: source.kind })}
            />
            {source.label}
          </label>
        ))}
      </fieldset>

      {choice.kind === "payload" ? (
        <div className="ho-field">
          <label htmlFor={`${id}-payload`}>Payload (JSON)</label>
          <textarea
            id={`${id}-payload`}
            className="ho-test-payload"
            rows={8}
            spellCheck={false}
            placeholder='{"email": "ana@example.com"}'
            value={choice.payloadText}
            disabled={disabled}
            onChange={(event) => onChange({ ...choice, payloadText: event.target.value })}
            onBlur={onPayloadBlur}
            aria-invalid={payloadError ? true : undefined}
            aria-describedby={payloadError ? `${id}-payload-error` : undefined}
          />
          {payloadError ? (
            <p id={`${id}-payload-error`} role="alert" className="ho-error">
              {payloadError}
            </p>
          ) : null}
        </div>
      ) : null}

      {choice.kind === "run" ? (
        pastRuns.isError ? (
          <p role="alert" className="ho-error">
            Could not load this flow's runs: {pastRuns.error.message}
          </p>
        ) : pastRuns.isPending ? (
          <p className="ho-muted">Loading this flow's runs…</p>
        ) : pastRuns.data.runs.length === 0 ? (
          <p className="ho-muted">
            This flow has no runs yet. Run a test first; its event can then be used again here.
          </p>
        ) : (
          <div className="ho-field">
            <label htmlFor={`${id}-run`}>Past run</label>
            <select
              id={`${id}-run`}
              value={choice.runId}
              disabled={disabled}
              onChange={(event) => onChange({ ...choice, runId: event.target.value })}
            >
              <option value="">Choose a run…</option>
              {pastRuns.data.runs.map((run) => (
                <option key={run.id} value={run.id}>
                  {pastRunLabel(run, (date) => timeFormat.format(date))}
                </option>
              ))}
            </select>
          </div>
        )
      ) : null}
    </>
  );
}
