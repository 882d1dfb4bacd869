"use client";

import type { ConnectorNode, FlowOperation } from "@handoff/flow-core";
import { useId } from "react";
import { connectorsFor, findConnector, findOperation, operationsOf } from "../catalog-lookup";
import type { Catalog, ConnectionSummary } from "../editor-lookups";
import { controlAria, FieldFrame, useFieldMessages } from "../field-frame";
import { useStep } from "../step-context";

const CATEGORY_LABELS: Readonly<Record<Catalog[number]["category"], string>> = {
  crm: "CRM",
  calendar: "Calendar",
  invoicing: "Invoicing",
  messaging: "Messaging",
  core: "Core",
};

/**
 * The operations that switch a step to another app or operation. A name still equal to the old
 * operation's (the palette's default) follows the new one; a name the person chose is kept. A new
 * app drops the old app's connection and takes the only connection of the new one, if just one.
 */
function switchOperations(
  node: ConnectorNode,
  catalog: Catalog,
  connections: readonly ConnectionSummary[] | undefined,
  target: { connector: string; operation: string },
): FlowOperation[] {
  const operations: FlowOperation[] = [{ type: "set_operation", nodeId: node.id, ...target }];
  const oldName = findOperation(catalog, node)?.name;
  const newName = findOperation(catalog, { ...node, ...target })?.name;
  if (newName && (node.label.trim() === "" || node.label === oldName)) {
    operations.push({ type: "rename", nodeId: node.id, label: newName });
  }
  if (target.connector !== node.connector) {
    const candidates = (connections ?? []).filter((connection) => connection.provider === target.connector);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only) operations.push({ type: "set_connection", nodeId: node.id, connectionId: only.id });
    else if (node.connectionId) operations.push({ type: "set_connection", nodeId: node.id, connectionId: null });
  }
  return operations;
}

/** "App" (the connector) and "Event" / "Action" (the operation), from the catalog. */
export function OperationSelects({
  node,
  catalog,
  connections,
}: {
  node: ConnectorNode;
  catalog: Catalog | undefined;
  connections: readonly ConnectionSummary[] | undefined;
}) {
  const { edit } = useStep();
  const appId = useId();
  const operationId = useId();
  const appMessages = useFieldMessages("connector");
  const operationMessages = useFieldMessages("operation");
  const connector = findConnector(catalog, node.connector);
  const operations = connector ? operationsOf(connector, node.type) : [];
  const current = operations.find((operation) => operation.key === node.operation);
  const operationLabel = node.type === "trigger" ? "Event" : "Action";
  const apps = catalog ? connectorsFor(catalog, node.type) : [];
  const categories = [...new Set(apps.map((app) => app.category))];

  function switchTo(target: { connector: string; operation: string }) {
    if (catalog) edit(switchOperations(node, catalog, connections, target));
  }

  return (
    <>
      <FieldFrame inputId={appId} label="App" messages={appMessages}>
        <select
          id={appId}
          value={node.connector}
          disabled={!catalog}
          onChange={(event) => {
            const chosen = findConnector(catalog, event.currentTarget.value);
            const first = chosen ? operationsOf(chosen, node.type)[0] : undefined;
            if (chosen && first) switchTo({ connector: chosen.key, operation: first.key });
          }}
          {...controlAria(appId, { messages: appMessages })}
        >
          {connector ? null : (
            <option value={node.connector}>{catalog ? `Unknown app (${node.connector})` : "Loading apps…"}</option>
          )}
          {categories.map((category) => (
            <optgroup key={category} label={CATEGORY_LABELS[category]}>
              {apps
                .filter((app) => app.category === category)
                .map((app) => (
                  <option key={app.key} value={app.key}>
                    {app.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </FieldFrame>
      <FieldFrame inputId={operationId} label={operationLabel} hint={current?.description} messages={operationMessages}>
        <select
          id={operationId}
          value={node.operation}
          disabled={!connector}
          onChange={(event) => switchTo({ connector: node.connector, operation: event.currentTarget.value })}
          {...controlAria(operationId, { hint: current?.description, messages: operationMessages })}
        >
          {current ? null : (
            <option value={node.operation}>{catalog ? `Unknown (${node.operation})` : "Loading…"}</option>
          )}
          {operations.map((operation) => (
            <option key={operation.key} value={operation.key}>
              {operation.name}
            </option>
          ))}
        </select>
      </FieldFrame>
    </>
  );
}
