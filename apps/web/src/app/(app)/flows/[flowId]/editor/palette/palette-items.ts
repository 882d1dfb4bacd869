import type { CatalogConnector, EditorCatalog } from "../editor-contract";
import { LOGIC_STEPS, type LogicNodeType } from "./logic-steps";

export type PaletteGroupKey = CatalogConnector["category"] | "logic";

/** The palette's sections, in the order the office manager reads them. */
export const PALETTE_GROUPS: readonly { key: PaletteGroupKey; title: string }[] = [
  { key: "crm", title: "CRM" },
  { key: "calendar", title: "Calendar" },
  { key: "invoicing", title: "Invoicing" },
  { key: "messaging", title: "Messaging" },
  { key: "logic", title: "Logic" },
  { key: "core", title: "Core" },
];

interface ItemBase {
  /** Unique within the palette. */
  key: string;
  name: string;
  description: string;
  group: PaletteGroupKey;
}

export type ConnectorPaletteItem = ItemBase & {
  kind: "trigger" | "action";
  connector: string;
  connectorName: string;
  operation: string;
};

export type LogicPaletteItem = ItemBase & { kind: "logic"; nodeType: LogicNodeType };

export type PaletteItem = ConnectorPaletteItem | LogicPaletteItem;

/** Every step the catalog offers, plus the logic steps. */
export function paletteItems(catalog: EditorCatalog): PaletteItem[] {
  const fromConnectors = catalog.flatMap((connector) => [
    ...connector.triggers.map((trigger) => connectorItem(connector, "trigger", trigger)),
    ...connector.actions.map((action) => connectorItem(connector, "action", action)),
  ]);
  const logic = LOGIC_STEPS.map(
    (step): LogicPaletteItem => ({
      kind: "logic",
      key: `logic:${step.type}`,
      name: step.name,
      description: step.description,
      group: "logic",
      nodeType: step.type,
    }),
  );
  return [...fromConnectors, ...logic];
}

function connectorItem(
  connector: CatalogConnector,
  kind: "trigger" | "action",
  operation: { key: string; name: string; description: string },
): ConnectorPaletteItem {
  return {
    kind,
    key: `${kind}:${connector.key}:${operation.key}`,
    name: operation.name,
    description: operation.description,
    group: connector.category,
    connector: connector.key,
    connectorName: connector.name,
    operation: operation.key,
  };
}

/** Items whose name, app or description contains every word of the query (case-insensitive). */
export function searchItems(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = [item.name, item.description, item.kind === "logic" ? "logic" : item.connectorName]
      .join(" ")
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
