"use client";

import { Button } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "../use-flow-editor";
import { DiffView } from "./diff-view";
import { RollbackButton } from "./rollback-button";
import { VersionComparePicker } from "./version-compare-picker";
import type { VersionRef } from "./version-ref";
import "./publish.css";

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Every published version, newest first, with compare and rollback. */
export function VersionHistory() {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const headingId = useId();
  const versions = useQuery(trpc.flows.versions.queryOptions({ flowId: editor.flowId }));
  const [comparing, setComparing] = useState<{ from: VersionRef; to: VersionRef } | null>(null);
  const [pickFrom, setPickFrom] = useState<VersionRef | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toSelect = useRef<HTMLSelectElement>(null);

  const list = versions.data ?? [];
  return (
    <section className="ho-versions" aria-labelledby={headingId}>
      <h2 id={headingId}>Version history</h2>
      {versions.isPending ? <p className="ho-muted">Loading versions…</p> : null}
      {versions.isError ? (
        <p role="alert" className="ho-error">
          Could not load the versions: {versions.error.message}
        </p>
      ) : null}
      {versions.isSuccess && list.length === 0 ? (
        <p className="ho-muted">Not published yet. Publishing the draft makes version 1.</p>
      ) : null}
      <p role="status" className="ho-publish-notice">
        {notice}
      </p>

      {list.length > 0 ? (
        <>
          <VersionComparePicker
            numbers={list.map((version) => version.number)}
            from={pickFrom}
            onFromChange={setPickFrom}
            toSelectRef={toSelect}
            onCompare={(from, to) => setComparing({ from, to })}
          />
          {comparing ? <DiffView from={comparing.from} to={comparing.to} onClose={() => setComparing(null)} /> : null}
          <ol className="ho-version-list" aria-label="Versions">
            {[...list].reverse().map((version) => {
              const titleId = `${headingId}-v${version.number}`;
              return (
                <li key={version.number} className="ho-version" aria-labelledby={titleId}>
                  <div className="ho-version-title">
                    <strong id={titleId}>Version {version.number}</strong>
                    {version.current ? <span className="ho-badge ho-badge-ok">current</span> : null}
                  </div>
                  <p className="ho-version-message">{version.message || <em>No message</em>}</p>
                  <p className="ho-muted ho-version-meta">
                    {version.author ?? "Unknown author"} ·{" "}
                    <time dateTime={version.createdAt.toISOString()}>{timeFormat.format(version.createdAt)}</time>
                  </p>
                  <div className="ho-actions ho-version-actions">
                    <Link
                      className="ho-button ho-button-secondary"
                      href={`/flows/${editor.flowId}?version=${version.number}`}
                    >
                      View version {version.number}
                    </Link>
                    <Button variant="secondary" onClick={() => setComparing({ from: version.number, to: "draft" })}>
                      Compare with current draft
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setPickFrom(version.number);
                        toSelect.current?.focus();
                      }}
                    >
                      Compare with…
                    </Button>
                    {editor.canEdit && !version.current ? (
                      <RollbackButton version={version.number} onRolledBack={setNotice} />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
