"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { RunDetail } from "../types";
import { CancelRunForm } from "./cancel-run-form";
import { ReplayPayloadForm } from "./replay-payload-form";

/** Mirrors the services' rules, to offer only what the server would accept. */
const RETRIABLE = new Set(["needs_attention", "failed", "waiting"]);
const CANCELABLE = new Set(["queued", "waiting", "needs_attention"]);

export interface RunActionsProps {
  run: RunDetail;
  /** Reads the run again after a change; polling then shows its progress. */
  onChanged: () => Promise<unknown>;
}

/** Retry, replay with an edited payload, cancel: one open at a time. Only for roles with runs.operate. */
export function RunActions({ run, onChanged }: RunActionsProps) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<"replay" | "cancel" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const retry = useMutation(
    trpc.runs.retry.mutationOptions({
      onSuccess: () => {
        setNotice("Retry queued: the steps that succeeded are not repeated.");
        return onChanged();
      },
    }),
  );
  const isTest = run.version === null;

  return (
    <section aria-label="Actions">
      <div className="ho-toolbar">
        {RETRIABLE.has(run.status) ? (
          <Button
            onClick={() => {
              setNotice(null);
              retry.mutate({ runId: run.id });
            }}
            disabled={retry.isPending}
          >
            {retry.isPending ? "Retrying…" : "Retry"}
          </Button>
        ) : null}
        {!isTest && open !== "replay" ? (
          <Button variant="secondary" onClick={() => setOpen("replay")}>
            Replay with edited payload
          </Button>
        ) : null}
        {CANCELABLE.has(run.status) && open !== "cancel" ? (
          <Button variant="danger" onClick={() => setOpen("cancel")}>
            Cancel run
          </Button>
        ) : null}
      </div>
      {isTest ? <p className="ho-muted">A test run cannot be replayed: run the test again from the editor.</p> : null}
      {notice ? (
        <p role="status" className="ho-notice">
          {notice}
        </p>
      ) : null}
      {retry.isError ? (
        <p role="alert" className="ho-error">
          Could not retry the run: {retry.error.message}
        </p>
      ) : null}
      {open === "replay" ? (
        <ReplayPayloadForm runId={run.id} trigger={run.trigger} onClose={() => setOpen(null)} />
      ) : null}
      {open === "cancel" && CANCELABLE.has(run.status) ? (
        <CancelRunForm
          runId={run.id}
          onCanceled={() => {
            setNotice("Run canceled.");
            return onChanged();
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
