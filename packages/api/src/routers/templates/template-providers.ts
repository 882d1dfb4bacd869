import { getConnector } from "@handoff/connectors";
import type { TemplateDefinition } from "@handoff/templates";

/** A connector key with the name people know the tool by ("stripe" → "Stripe"). */
export function providerOf(key: string): { key: string; name: string } {
  return { key, name: getConnector(key)?.name ?? key };
}

/** The tools a template connects to, each once, in the order its roles list them. */
export function templateProviders(template: TemplateDefinition): { key: string; name: string }[] {
  return [...new Set(template.connections.map((connection) => connection.provider))].map(providerOf);
}
