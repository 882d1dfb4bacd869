import type { ConnectorNode } from "@handoff/flow-core";
import type { Catalog, CatalogConnector, CatalogOperation } from "./editor-lookups";

export function findConnector(catalog: Catalog | undefined, key: string): CatalogConnector | undefined {
  return catalog?.find((connector) => connector.key === key);
}

/** The operations a node of this type can use: a trigger's events or an action's actions. */
export function operationsOf(connector: CatalogConnector, type: ConnectorNode["type"]): readonly CatalogOperation[] {
  return type === "trigger" ? connector.triggers : connector.actions;
}

/** The catalog entry a trigger or action node runs, if the catalog knows it. */
export function findOperation(catalog: Catalog | undefined, node: ConnectorNode): CatalogOperation | undefined {
  const connector = findConnector(catalog, node.connector);
  return connector
    ? operationsOf(connector, node.type).find((operation) => operation.key === node.operation)
    : undefined;
}

/** Connectors offering at least one operation of this kind, in catalog order. */
export function connectorsFor(catalog: Catalog, type: ConnectorNode["type"]): CatalogConnector[] {
  return catalog.filter((connector) => operationsOf(connector, type).length > 0);
}
