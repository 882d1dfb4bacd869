import type { FlowDocument } from "@handoff/flow-core";
import { writePropPath } from "./prop-path";
import type { TemplateDefinition } from "./types";

export interface TemplateInputs {
  /** Connection id per role; every role of the template must be present. */
  connections: Readonly<Record<string, string>>;
  /** Field values by key; a field left out keeps its default. */
  fields?: Readonly<Record<string, string>>;
}

/**
 * The template's graph with each role's connection set on its nodes and the given field values
 * written in. Pure: the install service checks the inputs (roles, providers, keys) first.
 */
export function instantiateTemplate(template: TemplateDefinition, inputs: TemplateInputs): FlowDocument {
  const connectionOf = new Map<string, string>();
  for (const role of template.connections) {
    const connectionId = inputs.connections[role.role];
    if (!connectionId) throw new Error(`template ${template.slug}: no connection for role "${role.role}"`);
    for (const nodeId of role.nodeIds) connectionOf.set(nodeId, connectionId);
  }
  const fieldsByNode = new Map<string, { prop: string; value: string }[]>();
  for (const field of template.fields) {
    const value = inputs.fields?.[field.key];
    if (value === undefined) continue;
    for (const { nodeId, prop } of [field, ...(field.alsoFills ?? [])]) {
      fieldsByNode.set(nodeId, [...(fieldsByNode.get(nodeId) ?? []), { prop, value }]);
    }
  }
  // A deep copy: the installed flow never shares an object with the template the next install uses.
  const graph = structuredClone(template.graph);
  const nodes = graph.nodes.map((node) => {
    let props = node.props;
    for (const { prop, value } of fieldsByNode.get(node.id) ?? []) props = writePropPath(props, prop, value);
    const connectionId = connectionOf.get(node.id);
    return { ...node, props, ...(connectionId ? { connectionId } : {}) } as typeof node;
  });
  return { ...graph, nodes };
}
