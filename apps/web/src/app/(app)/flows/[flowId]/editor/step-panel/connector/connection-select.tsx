"use client";

import type { ConnectorNode } from "@handoff/flow-core";
import Link from "next/link";
import { useId } from "react";
import type { ConnectionSummary } from "../editor-lookups";
import { controlAria, FieldFrame, useFieldMessages } from "../field-frame";
import { useStep } from "../step-context";

const ENVIRONMENTS = [
  { environment: "test", label: "Test" },
  { environment: "live", label: "Live" },
] as const;

function optionText(connection: ConnectionSummary): string {
  const status = connection.status === "ok" ? "" : " — reconnect needed";
  return `${connection.name} (${connection.hint})${status}`;
}

/** The account the step acts as: only this app's connections, test ones apart from live ones. */
export function ConnectionSelect({
  node,
  appName,
  connections,
}: {
  node: ConnectorNode;
  appName: string;
  connections: readonly ConnectionSummary[] | undefined;
}) {
  const { edit } = useStep();
  const inputId = useId();
  const messages = useFieldMessages("connectionId");
  const usable = (connections ?? []).filter((connection) => connection.provider === node.connector);
  const known = usable.some((connection) => connection.id === node.connectionId);
  const hint =
    connections && usable.length === 0
      ? `No ${appName} connection yet.`
      : "Test runs always use a test connection of this app.";
  return (
    <FieldFrame inputId={inputId} label="Connection" required hint={hint} messages={messages}>
      <select
        id={inputId}
        value={node.connectionId ?? ""}
        disabled={!connections}
        onChange={(event) =>
          edit([{ type: "set_connection", nodeId: node.id, connectionId: event.currentTarget.value || null }])
        }
        {...controlAria(inputId, { hint, messages, required: true })}
      >
        <option value="">{connections ? "Choose a connection…" : "Loading connections…"}</option>
        {node.connectionId && connections && !known ? (
          <option value={node.connectionId}>A connection that no longer exists</option>
        ) : null}
        {ENVIRONMENTS.map(({ environment, label }) => {
          const group = usable.filter((connection) => connection.environment === environment);
          return group.length === 0 ? null : (
            <optgroup key={environment} label={label}>
              {group.map((connection) => (
                <option key={connection.id} value={connection.id}>
                  {optionText(connection)}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      <Link href="/connections" className="step-add-connection">
        Add a connection
      </Link>
    </FieldFrame>
  );
}
