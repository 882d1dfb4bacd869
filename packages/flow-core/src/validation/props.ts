import type { z } from "zod";
import { containsExpression } from "../expressions/template";
import { formatPath, isPlainObject, type PathSegment } from "../json";
import type { ConnectorNode } from "../schema/node";
import { type FlowProblem, nodeName } from "./problems";

export type ConnectorKind = "trigger" | "action";

/** Supplied by the caller (the connector registry); flow-core knows no connectors itself. */
export type ConnectorSchemaLookup = (
  connector: string,
  operation: string,
  kind: ConnectorKind,
) => z.ZodType | undefined;

function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((key) => (typeof key === "symbol" ? String(key) : key));
}

/**
 * A value like `"{{ trigger.amount }}"` cannot satisfy `z.number()` until run time, so an issue
 * at (or below) a prop that holds an expression is deferred to the run, not reported now.
 */
function isUnderExpression(props: unknown, path: readonly PathSegment[]): boolean {
  let current: unknown = props;
  for (const segment of path) {
    if (typeof current === "string") return containsExpression(current);
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isPlainObject(current) && typeof segment === "string" && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else return false;
  }
  return typeof current === "string" && containsExpression(current);
}

export function checkConnectorProps(node: ConnectorNode, lookup: ConnectorSchemaLookup): FlowProblem[] {
  const schema = lookup(node.connector, node.operation, node.type);
  if (!schema) {
    const message = `${nodeName(node)} uses ${node.type} "${node.operation}" of connector "${node.connector}", which does not exist`;
    return [{ code: "unknown_connector_operation", nodeId: node.id, field: "operation", message }];
  }
  let result: ReturnType<z.ZodType["safeParse"]>;
  try {
    result = schema.safeParse(node.props);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        code: "invalid_props",
        nodeId: node.id,
        field: "props",
        message: `${nodeName(node)}: props could not be checked: ${reason}`,
      },
    ];
  }
  if (result.success) return [];
  const problems: FlowProblem[] = [];
  for (const issue of result.error.issues) {
    const path = toSegments(issue.path);
    if (isUnderExpression(node.props, path)) continue;
    const field = formatPath(["props", ...path]);
    problems.push({
      code: "invalid_props",
      nodeId: node.id,
      field,
      message: `${nodeName(node)}: ${field} — ${issue.message}`,
    });
  }
  return problems;
}
