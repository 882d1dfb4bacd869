"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "../use-flow-editor";
import { PublishDialog } from "./publish-dialog";
import { useLiveState } from "./use-live-state";
import { useRefreshFlow } from "./use-refresh-flow";
import "./publish.css";

const STATUS_BADGES = {
  active: { text: "Active", className: "ho-badge ho-badge-ok" },
  paused: { text: "Paused", className: "ho-badge ho-badge-warn" },
  draft: { text: "Not published", className: "ho-badge" },
} as const;

/** The toolbar's publish corner: live status, Pause/Resume once published, and Publish. */
export function PublishControls() {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const live = useLiveState();
  const refreshFlow = useRefreshFlow();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const setStatus = useMutation(
    trpc.flows.setStatus.mutationOptions({
      onSuccess: (result) => {
        live.statusChanged(result.status);
        setNotice(result.status === "paused" ? "Flow paused" : "Flow resumed");
        return refreshFlow();
      },
    }),
  );
  const canPause = editor.canPause ?? editor.canEdit;
  const badge = STATUS_BADGES[live.status];

  return (
    <div className="ho-publish-controls">
      <span className={badge.className} data-testid="flow-status">
        {badge.text}
        {live.currentVersion !== null ? ` · version ${live.currentVersion}` : ""}
      </span>
      {live.currentVersion !== null && live.status !== "draft" && canPause ? (
        <Button
          variant="secondary"
          disabled={setStatus.isPending}
          onClick={() => {
            setNotice(null);
            setStatus.mutate({ flowId: editor.flowId, status: live.status === "active" ? "paused" : "active" });
          }}
        >
          {live.status === "active" ? "Pause" : "Resume"}
        </Button>
      ) : null}
      {editor.canEdit ? (
        <Button
          onClick={() => {
            setNotice(null);
            setDialogOpen(true);
          }}
        >
          Publish
        </Button>
      ) : null}
      <span role="status" className="ho-publish-notice">
        {notice}
      </span>
      {setStatus.isError ? (
        <span role="alert" className="ho-error ho-publish-inline-error">
          {setStatus.error.message}
        </span>
      ) : null}
      {editor.canEdit ? (
        <PublishDialog
          open={dialogOpen}
          onClose={() => setDialogOpen(false)}
          onPublished={(version) => {
            live.published(version);
            setNotice(`Published version ${version}`);
            void refreshFlow();
          }}
        />
      ) : null}
    </div>
  );
}
