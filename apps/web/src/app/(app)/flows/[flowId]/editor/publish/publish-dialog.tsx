"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "../use-flow-editor";
import { type PublishProblem, problemsFromError, problemText } from "./publish-problems";

const MAX_MESSAGE_LENGTH = 500;

/**
 * "Publish this flow": a modal `<dialog>` (focus stays inside, Escape closes it) asking what
 * changed. The draft is saved first and published at exactly that revision, so what goes live is
 * what the person looked at. A refusal lists every problem as a button that takes them to the node.
 */
export function PublishDialog({
  open,
  onClose,
  onPublished,
}: {
  open: boolean;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const publish = useMutation(trpc.flows.publish.mutationOptions());
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();
  const [message, setMessage] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<PublishProblem[] | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      setProblems(null);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setProblems(null);
    setSaving(true);
    let revision: number;
    try {
      revision = await editor.flush();
    } catch (thrown) {
      setError(
        `Could not save the draft before publishing: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      );
      return;
    } finally {
      setSaving(false);
    }
    try {
      const published = await publish.mutateAsync({ flowId: editor.flowId, draftRevision: revision, message });
      setMessage("");
      onPublished(published.version);
      onClose();
    } catch (thrown) {
      const refused = problemsFromError(thrown);
      if (refused && refused.length > 0) setProblems(refused);
      else setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  }

  function goToProblem(nodeId: string) {
    editor.select(nodeId);
    onClose();
  }

  const busy = saving || publish.isPending;
  return (
    <dialog ref={dialogRef} className="ho-publish-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id={titleId}>Publish this flow</h2>
        <p className="ho-muted">
          Publishing makes the draft the next version
          {editor.currentVersion ? ` (after version ${editor.currentVersion})` : ""}. Published versions never change;
          you can roll back to any of them.
        </p>
        <div className="ho-field">
          <label htmlFor={messageId}>What changed?</label>
          <textarea
            id={messageId}
            rows={3}
            maxLength={MAX_MESSAGE_LENGTH}
            placeholder="e.g. Skip free consultations"
            value={message}
            disabled={busy}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        {error ? (
          <p role="alert" className="ho-error">
            {error}
          </p>
        ) : null}
        {problems ? (
          <div role="alert" className="ho-publish-problems">
            <p className="ho-error">
              Not published: fix {problems.length === 1 ? "this problem" : `these ${problems.length} problems`} first.
            </p>
            <ul aria-label="Problems to fix">
              {problems.map((problem) => (
                <li key={`${problem.code}:${problem.nodeId ?? ""}:${problem.field ?? ""}:${problem.message}`}>
                  {problem.nodeId ? (
                    <button
                      type="button"
                      className="ho-publish-problem"
                      onClick={() => goToProblem(problem.nodeId ?? "")}
                    >
                      {problemText(problem, editor.draft)}
                    </button>
                  ) : (
                    problemText(problem, editor.draft)
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="ho-actions">
          <Button type="submit" disabled={busy}>
            {busy ? "Publishing…" : "Publish"}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
