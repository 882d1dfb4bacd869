"use client";

import { Button, CopyableText } from "@handoff/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "../use-flow-editor";

/**
 * The core webhook trigger: its stable URL and its signing secret. A generated secret is shown
 * once, from this component's memory only (never stored in the browser, never logged); after that
 * the page only knows whether one is set.
 */
export function WebhookTriggerDetails() {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  // Only when the editor state does not carry it: `flows.get` is the one place that says.
  const fallback = useQuery({
    ...trpc.flows.get.queryOptions({ flowId: editor.flowId }),
    enabled: editor.hasHookSecret === undefined,
    select: (flow) => flow.hasHookSecret,
  });
  const [shownSecret, setShownSecret] = useState<string | null>(null);
  const [changed, setChanged] = useState<{ hasSecret: boolean; editorSaid: boolean | undefined } | null>(null);
  const setSecret = useMutation(
    trpc.flows.setHookSecret.mutationOptions({
      onSuccess: (result, input) => {
        setShownSecret(result.secret);
        setChanged({ hasSecret: input.action === "generate", editorSaid: editor.hasHookSecret });
        return editor.refresh?.();
      },
    }),
  );
  const hasSecret =
    changed && changed.editorSaid === editor.hasHookSecret
      ? changed.hasSecret
      : (editor.hasHookSecret ?? fallback.data ?? false);

  return (
    <div className="ho-trigger-details">
      <CopyableText label="Webhook URL" value={editor.hookUrl} />
      <p className="ho-muted">
        POST a JSON object to this URL to start the flow once it is published and active. The URL stays the same across
        versions.
      </p>

      <h4>Signing secret</h4>
      <p className="ho-muted">
        {hasSecret
          ? "On: every delivery must carry X-Handoff-Signature: sha256=<hex HMAC-SHA256 of the body>; unsigned requests are refused."
          : "Off: any request to the URL starts the flow. Generate a secret so only your sender can."}
      </p>
      {shownSecret ? (
        <>
          <CopyableText label="Signing secret" value={shownSecret} />
          <p className="ho-notice">
            Shown once: copy it into the sending service now. Handoff keeps it encrypted and cannot show it again.
          </p>
        </>
      ) : null}
      {setSecret.isError ? (
        <p role="alert" className="ho-error">
          {setSecret.error.message}
        </p>
      ) : null}
      {editor.canEdit ? (
        <div className="ho-actions">
          <Button
            variant="secondary"
            disabled={setSecret.isPending}
            onClick={() => setSecret.mutate({ flowId: editor.flowId, action: "generate" })}
          >
            Generate signing secret
          </Button>
          {hasSecret ? (
            <Button
              variant="secondary"
              disabled={setSecret.isPending}
              onClick={() => setSecret.mutate({ flowId: editor.flowId, action: "remove" })}
            >
              Remove secret
            </Button>
          ) : null}
        </div>
      ) : null}
      {editor.canEdit && hasSecret && !shownSecret ? (
        <p className="ho-muted">Generating a new secret replaces the current one at once.</p>
      ) : null}
    </div>
  );
}
