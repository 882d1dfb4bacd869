"use client";

import { formatDateTime, formatDuration, statusBadgeClass, statusLabel } from "../run-format";
import type { RunStep } from "../types";
import { findDocumentLinks } from "./document-links";
import { JsonTree } from "./json-tree";
import { ReplayFromStep } from "./replay-from-step";
import { readRecordedError } from "./run-error";
import { whatHappensNext } from "./what-happens-next";

export interface StepTimelineProps {
  runId: string;
  runStatus: string;
  steps: readonly RunStep[];
  labelOf: (nodeId: string) => string;
  /** False for roles without runs.operate and for test runs (which cannot be replayed). */
  canReplay: boolean;
}

/** Every step in the order it ran: status, attempts, duration, and on opening its data. */
export function StepTimeline({ runId, runStatus, steps, labelOf, canReplay }: StepTimelineProps) {
  if (steps.length === 0) return <p className="ho-muted">No step has run yet.</p>;
  return (
    <ol className="ho-timeline" aria-label="Steps">
      {steps.map((step) => (
        <li key={step.stepKey}>
          <StepItem
            step={step}
            runId={runId}
            runStatus={runStatus}
            label={labelOf(step.nodeId)}
            canReplay={canReplay}
          />
        </li>
      ))}
    </ol>
  );
}

function StepItem({
  step,
  runId,
  runStatus,
  label,
  canReplay,
}: {
  step: RunStep;
  runId: string;
  runStatus: string;
  label: string;
  canReplay: boolean;
}) {
  const error = readRecordedError(step.error);
  const links = findDocumentLinks(step.output);
  return (
    // A failed step is what a person came for: it opens by itself.
    <details open={step.status === "failed"}>
      <summary>
        <strong>{label}</strong>
        {step.stepKey !== step.nodeId ? <code className="ho-muted">{step.stepKey}</code> : null}
        <span className={statusBadgeClass(step.status)}>{statusLabel(step.status)}</span>
        <span className="ho-muted">
          attempt {step.attempt} · {formatDuration(step.durationMs)}
        </span>
      </summary>
      <p className="ho-muted">
        Started <time dateTime={step.startedAt ?? undefined}>{formatDateTime(step.startedAt)}</time>
        {step.finishedAt ? (
          <>
            , finished <time dateTime={step.finishedAt}>{formatDateTime(step.finishedAt)}</time>
          </>
        ) : null}
      </p>
      {error ? (
        <>
          <h4>Error</h4>
          <div className="ho-notice">
            <p>
              {error.message ?? "The step failed without a message."}
              {error.status !== null ? ` (HTTP ${error.status})` : null}
            </p>
            {error.providerMessage ? <p>The provider said: {error.providerMessage}</p> : null}
            <p>
              <strong>{whatHappensNext({ runStatus, error, attempt: step.attempt })}</strong>
            </p>
          </div>
          <JsonTree value={step.error} label={`Error of ${label}`} />
        </>
      ) : null}
      {links.length > 0 ? (
        <p className="ho-actions">
          {links.map((link) => (
            <a key={link.href} href={link.href} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ))}
        </p>
      ) : null}
      <h4>Input</h4>
      {step.input === null ? (
        <p className="ho-muted">None (a trigger's data is its output).</p>
      ) : (
        <JsonTree value={step.input} label={`Input of ${label}`} />
      )}
      <h4>Output</h4>
      {step.output === null ? (
        <p className="ho-muted">None.</p>
      ) : (
        <JsonTree value={step.output} label={`Output of ${label}`} />
      )}
      {step.outputTruncated ? <p className="ho-muted">The output was cut to fit the size limit.</p> : null}
      {canReplay ? <ReplayFromStep runId={runId} nodeId={step.nodeId} label={label} /> : null}
    </details>
  );
}
