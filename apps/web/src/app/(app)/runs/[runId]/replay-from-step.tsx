"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";

interface ReplayFromStepProps {
  runId: string;
  nodeId: string;
  label: string;
}

/**
 * "Replay from this step": asks once, because the step and those after it act again under a new
 * run (new idempotency keys), while the steps before it keep their recorded outputs.
 */
export function ReplayFromStep(props: ReplayFromStepProps) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) return <ConfirmReplay {...props} onKeep={() => setConfirming(false)} />;
  return (
    <Button variant="secondary" onClick={() => setConfirming(true)}>
      Replay from this step
    </Button>
  );
}

function ConfirmReplay({ runId, nodeId, label, onKeep }: ReplayFromStepProps & { onKeep: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const replay = useMutation(
    trpc.runs.replay.mutationOptions({ onSuccess: (result) => router.push(`/runs/${result.runId}`) }),
  );
  const busy = replay.isPending || replay.isSuccess;
  return (
    <div className="ho-notice">
      <p>
        Run “{label}” and every step after it again, in a new run? Steps before it are not repeated; their recorded
        outputs are used.
      </p>
      {replay.isError ? (
        <p role="alert" className="ho-error">
          Could not replay the run: {replay.error.message}
        </p>
      ) : null}
      <div className="ho-actions">
        <Button onClick={() => replay.mutate({ runId, fromNodeId: nodeId })} disabled={busy}>
          {busy ? "Replaying…" : `Replay from “${label}”`}
        </Button>
        <Button variant="secondary" onClick={onKeep} disabled={replay.isPending}>
          Keep as is
        </Button>
      </div>
    </div>
  );
}
