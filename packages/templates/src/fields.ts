import type { FlowDocument } from "@handoff/flow-core";
import { readPropPath } from "./prop-path";
import type { TemplateField } from "./types";

export type FieldSpec = Omit<TemplateField, "default">;

/**
 * Fields whose defaults are read from the graph itself, so the field mapping shown before
 * install and the flow that is installed never disagree. A field naming a prop the graph lacks
 * gets "" here (importing the package must not throw); validate.test.ts fails on it.
 */
export function fieldsOf(graph: FlowDocument, specs: readonly FieldSpec[]): TemplateField[] {
  return specs.map((spec) => {
    const node = graph.nodes.find((candidate) => candidate.id === spec.nodeId);
    const value = node ? readPropPath(node.props, spec.prop) : undefined;
    const text = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    return { ...spec, default: text ? String(value) : "" };
  });
}
