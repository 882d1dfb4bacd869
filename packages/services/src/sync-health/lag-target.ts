import type { ConnectorCategory } from "@handoff/connector-sdk";
import { getConnector, getTrigger } from "@handoff/connectors";
import { findTrigger, parseFlowDocument } from "@handoff/flow-core";

/**
 * The product's speed promise (docs/product.md): a booking change reaches the other tools in
 * under a minute, invoice and payment status in under five. Other triggers promise nothing.
 */
export const LAG_TARGET_MS: Partial<Record<ConnectorCategory, number>> = {
  calendar: 60_000,
  invoicing: 300_000,
};

/** The lag target of a flow, from the trigger of its published version; null when none applies. */
export function lagTargetMs(publishedGraph: unknown): number | null {
  if (publishedGraph === null || publishedGraph === undefined) return null;
  const parsed = parseFlowDocument(publishedGraph);
  if (!parsed.ok) return null;
  const trigger = findTrigger(parsed.document);
  // A trigger the registry no longer knows gets no target rather than its connector's.
  if (!trigger || !getTrigger(trigger.connector, trigger.operation)) return null;
  const category = getConnector(trigger.connector)?.category;
  return category ? (LAG_TARGET_MS[category] ?? null) : null;
}
