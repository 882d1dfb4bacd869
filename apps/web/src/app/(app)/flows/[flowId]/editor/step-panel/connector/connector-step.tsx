"use client";

import type { ConnectorNode } from "@handoff/flow-core";
import { findConnector, findOperation } from "../catalog-lookup";
import type { Catalog, ConnectionSummary } from "../editor-lookups";
import { ConnectionSelect } from "./connection-select";
import { OperationSelects } from "./operation-selects";
import { PropsForm } from "./props-form";

/** A trigger or action: which app and operation, which connection, and the operation's props. */
export function ConnectorStep({
  node,
  catalog,
  connections,
}: {
  node: ConnectorNode;
  catalog: Catalog | undefined;
  connections: readonly ConnectionSummary[] | undefined;
}) {
  const connector = findConnector(catalog, node.connector);
  const operation = findOperation(catalog, node);
  return (
    <>
      <OperationSelects node={node} catalog={catalog} connections={connections} />
      {connector?.needsConnection ? (
        <ConnectionSelect node={node} appName={connector.name} connections={connections} />
      ) : null}
      <section className="step-section" aria-labelledby={`${node.id}-settings`}>
        <h3 id={`${node.id}-settings`}>Settings</h3>
        {operation ? (
          <PropsForm node={node} operation={operation} />
        ) : (
          <p className="ho-muted">{catalog ? "Choose an app and an operation first." : "Loading the form…"}</p>
        )}
      </section>
    </>
  );
}
