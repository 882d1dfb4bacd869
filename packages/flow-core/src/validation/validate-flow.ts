import { type GraphIndex, indexGraph } from "../graph/graph-index";
import { ancestorsOf } from "../graph/walk";
import type { FlowDocument } from "../schema/document";
import { type FlowNode, isConnectorNode } from "../schema/node";
import { checkNodeExpressions } from "./expressions";
import { type FlowProblem, nodeName } from "./problems";
import { type ConnectorSchemaLookup, checkConnectorProps } from "./props";
import { checkBranchKeys, checkDelay, checkNodeRules } from "./rules";
import { validateStructure } from "./structure";

export interface ValidateFlowOptions {
  connectors: ConnectorSchemaLookup;
  /** Whether a connector needs an account to act as (false for core steps such as HTTP request). */
  needsConnection?: (connector: string) => boolean;
}

function checkConnection(node: FlowNode, options: ValidateFlowOptions): FlowProblem[] {
  if (!isConnectorNode(node) || node.connectionId || !options.needsConnection?.(node.connector)) return [];
  return [
    {
      code: "missing_connection",
      nodeId: node.id,
      field: "connectionId",
      message: `${nodeName(node)} needs a ${node.connector} connection: choose one in the step panel`,
    },
  ];
}

function checkNode(doc: FlowDocument, node: FlowNode, index: GraphIndex, options: ValidateFlowOptions): FlowProblem[] {
  const scope = { nodesById: index.nodesById, ancestors: ancestorsOf(doc, node.id, index) };
  return [
    ...checkBranchKeys(node),
    ...(isConnectorNode(node) ? checkConnectorProps(node, options.connectors) : []),
    ...checkConnection(node, options),
    ...checkNodeRules(node),
    ...checkDelay(node),
    ...checkNodeExpressions(node, scope),
  ];
}

/**
 * Every problem in a flow, not just the first: structure (trigger, DAG, edges and handles,
 * reachability, loop bodies), connector props, rules and expressions. An empty list means the
 * flow can be published. The document is assumed to have passed `parseFlowDocument`.
 */
export function validateFlow(doc: FlowDocument, options: ValidateFlowOptions): FlowProblem[] {
  const index = indexGraph(doc);
  return [...validateStructure(doc), ...doc.nodes.flatMap((node) => checkNode(doc, node, index, options))];
}
