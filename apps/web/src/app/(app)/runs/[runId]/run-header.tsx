"use client";

import type { FlowDocument } from "@handoff/flow-core";
import Link from "next/link";
import { formatDateTime, formatDuration, statusBadgeClass, statusLabel } from "../run-format";
import type { RunDetail } from "../types";
import type { DocumentLink } from "./document-links";
import { readRecordedError } from "./run-error";
import { VersionChanges } from "./version-changes";
import { whatHappensNext } from "./what-happens-next";

export interface RunHeaderProps {
  run: RunDetail;
  /** Undefined while the flow loads. */
  flow: { name: string; currentVersion: number | null } | undefined;
  /** The graph of the version the run ran, once loaded (not for test runs). */
  ranGraph: FlowDocument | undefined;
  labelOf: (nodeId: string) => string;
  documents: readonly DocumentLink[];
}

/** The facts of a run: flow and exact version, status, times, lag, what it replays, business keys, outcome. */
export function RunHeader({ run, flow, ranGraph, labelOf, documents }: RunHeaderProps) {
  const error = readRecordedError(run.error);
  const outlook = whatHappensNext({ runStatus: run.status, error, attempt: error?.attempt ?? null });
  const duration = run.startedAt && run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null;
  const current = flow?.currentVersion ?? null;

  return (
    <section className="ho-panel" aria-label="Run summary">
      <p className="ho-actions">
        <span className={statusBadgeClass(run.status)}>{statusLabel(run.status)}</span>
        {run.version === null ? <span className="ho-badge">Test run</span> : null}
      </p>
      {error?.message || outlook ? (
        <div className="ho-notice">
          {error?.message ? (
            <p>
              {error.message}
              {error.status !== null ? ` (HTTP ${error.status})` : null}
            </p>
          ) : null}
          {error?.providerMessage ? <p>The provider said: {error.providerMessage}</p> : null}
          {outlook ? (
            <p>
              <strong>{outlook}</strong>
            </p>
          ) : null}
        </div>
      ) : null}
      <dl className="ho-run-facts">
        <dt>Flow</dt>
        <dd>
          <Link href={`/flows/${run.flowId}`}>{flow?.name ?? "Open the flow"}</Link>
        </dd>
        <dt>Version</dt>
        <dd>
          {run.version === null ? (
            "The draft at the time of the test"
          ) : (
            <>
              <Link href={`/flows/${run.flowId}?version=${run.version}`}>Version {run.version}</Link>
              {current === run.version ? <span className="ho-muted"> (the current version)</span> : null}
            </>
          )}
        </dd>
        {run.replayOf ? (
          <>
            <dt>Replay of</dt>
            <dd>
              <Link href={`/runs/${run.replayOf}`}>Run {run.replayOf.slice(0, 8)}</Link>
              {run.replayFromStep ? ` from the step “${labelOf(run.replayFromStep)}”` : " from the start"}
            </dd>
          </>
        ) : null}
        <dt>Created</dt>
        <dd>
          <Time iso={run.createdAt} />
        </dd>
        {run.sourceEventAt ? (
          <>
            <dt>Happened at the source</dt>
            <dd>
              <Time iso={run.sourceEventAt} />
            </dd>
          </>
        ) : null}
        <dt>Started</dt>
        <dd>
          <Time iso={run.startedAt} />
        </dd>
        <dt>Finished</dt>
        <dd>
          <Time iso={run.finishedAt} />
        </dd>
        <dt>Duration</dt>
        <dd>{formatDuration(duration)}</dd>
        <dt>Sync lag</dt>
        <dd>{formatDuration(run.syncLagMs)}</dd>
      </dl>
      {run.businessKeys.length > 0 ? (
        <>
          <h3>Business keys</h3>
          <ul className="ho-chips" aria-label="Business keys">
            {run.businessKeys.map((key) => (
              <li key={key} className="ho-badge">
                {key}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {documents.length > 0 ? (
        <p className="ho-actions">
          {documents.map((link) => (
            <a key={link.href} href={link.href} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ))}
        </p>
      ) : null}
      {run.version !== null && ranGraph && current !== null && current !== run.version ? (
        <VersionChanges flowId={run.flowId} ran={{ number: run.version, graph: ranGraph }} currentVersion={current} />
      ) : null}
    </section>
  );
}

function Time({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="ho-muted">—</span>;
}
