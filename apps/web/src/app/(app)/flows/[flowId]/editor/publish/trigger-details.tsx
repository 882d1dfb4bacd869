"use client";

import { findTrigger, type TriggerNode } from "@handoff/flow-core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "~/trpc/react";
import { nodeById } from "../editor-contract";
import { useFlowEditor } from "../use-flow-editor";
import { ScheduleTriggerDetails } from "./schedule-trigger-details";
import { WebhookTriggerDetails } from "./webhook-trigger-details";
import "./publish.css";

/**
 * How the flow gets started: the webhook URL and signing secret, a schedule's next fire times, or
 * a note that Handoff registers the provider's webhook on publish. Shows the given trigger node,
 * or the draft's trigger; nothing when there is none yet.
 */
export function TriggerDetails({ nodeId }: { nodeId?: string } = {}) {
  const editor = useFlowEditor();
  const headingId = useId();
  const chosen = nodeId ? nodeById(editor.draft, nodeId) : findTrigger(editor.draft);
  if (chosen?.type !== "trigger") return null;
  return (
    <section className="ho-trigger" aria-labelledby={headingId}>
      <h3 id={headingId}>How this flow starts</h3>
      <TriggerKindDetails node={chosen} />
    </section>
  );
}

function TriggerKindDetails({ node }: { node: TriggerNode }) {
  if (node.connector === "core" && node.operation === "webhook") return <WebhookTriggerDetails />;
  if (node.connector === "core" && node.operation === "schedule") return <ScheduleTriggerDetails node={node} />;
  return <ProviderTriggerNote node={node} />;
}

function ProviderTriggerNote({ node }: { node: TriggerNode }) {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const catalog = useQuery({ ...trpc.flows.catalog.queryOptions(), enabled: editor.catalog === undefined });
  const connectors = editor.catalog ?? catalog.data;
  const connector = connectors?.find((candidate) => candidate.key === node.connector);
  const trigger = connector?.triggers.find((candidate) => candidate.key === node.operation);
  if (!connector || !trigger) return null;
  if (trigger.kind === "webhook") {
    return (
      <p className="ho-notice">
        Handoff registers this webhook with {connector.name} when you publish (using the step's connection), and removes
        it when the flow is paused. Nothing to copy.
      </p>
    );
  }
  if (trigger.kind === "polling") {
    return <p className="ho-notice">Handoff checks {connector.name} for new events once the flow is published.</p>;
  }
  return null;
}
