import type { AnyTriggerDefinition } from "@handoff/connector-sdk";
import { getTrigger } from "@handoff/connectors";
import { findTrigger, type TriggerNode, ZFlowDocument } from "@handoff/flow-core";

export interface PublishedTrigger {
  node: TriggerNode;
  definition: AnyTriggerDefinition;
  /** The trigger's props parsed by its schema; undefined when they no longer parse. */
  props: unknown;
}

// Published versions never change, so each is parsed once per process, not once per webhook.
const byVersion = new Map<string, PublishedTrigger | null>();
const MAX_CACHED = 1_000;

/** The trigger node of a published version and its connector definition, or null if none is known. */
export async function publishedTrigger(
  versionId: string,
  loadGraph: () => Promise<unknown>,
): Promise<PublishedTrigger | null> {
  const cached = byVersion.get(versionId);
  if (cached !== undefined) return cached;
  const graph = await loadGraph();
  const document = ZFlowDocument.safeParse(graph);
  const node = document.success ? findTrigger(document.data) : undefined;
  const definition = node ? getTrigger(node.connector, node.operation) : undefined;
  const props = definition && node ? definition.props.safeParse(node.props) : undefined;
  const value = node && definition ? { node, definition, props: props?.success ? props.data : undefined } : null;
  if (byVersion.size >= MAX_CACHED) byVersion.clear();
  byVersion.set(versionId, value);
  return value;
}
