import type { AnyActionDefinition } from "./action";
import type { ConnectorAuth } from "./auth";
import { assertKebabCaseKey } from "./keys";
import type { AnyTriggerDefinition } from "./triggers/define-trigger";

export type ConnectorCategory = "crm" | "calendar" | "invoicing" | "messaging" | "core";

export interface ConnectorDefinition {
  key: string;
  name: string;
  category: ConnectorCategory;
  auth: ConnectorAuth;
  triggers: readonly AnyTriggerDefinition[];
  actions: readonly AnyActionDefinition[];
}

function assertUniqueKeys(connectorKey: string, what: string, items: readonly { key: string }[]): void {
  const seen = new Set<string>();
  for (const { key } of items) {
    if (seen.has(key)) throw new TypeError(`connector "${connectorKey}" has two ${what}s with key "${key}"`);
    seen.add(key);
  }
}

/** Checked once at import, so a mistake fails every test rather than one flow in production. */
export function defineConnector<const T extends ConnectorDefinition>(definition: T): T {
  assertKebabCaseKey(definition.key, "connector");
  assertUniqueKeys(definition.key, "trigger", definition.triggers);
  assertUniqueKeys(definition.key, "action", definition.actions);
  return definition;
}

const CATEGORIES: ReadonlySet<string> = new Set<ConnectorCategory>([
  "crm",
  "calendar",
  "invoicing",
  "messaging",
  "core",
]);

/** Recognises a connector among a module's exports (used by the registry test). */
export function isConnectorDefinition(value: unknown): value is ConnectorDefinition {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof ConnectorDefinition, unknown>>;
  return (
    typeof candidate.key === "string" &&
    typeof candidate.name === "string" &&
    typeof candidate.category === "string" &&
    CATEGORIES.has(candidate.category) &&
    Array.isArray(candidate.triggers) &&
    Array.isArray(candidate.actions)
  );
}
