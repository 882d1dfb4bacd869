import { stronglyConnectedComponents } from "../graph/components";
import { type FlowGraph, type GraphIndex, indexGraph } from "../graph/graph-index";
import { loopBody, reachableFrom } from "../graph/walk";
import { LOOP_BODY_HANDLE, normalizeHandle } from "../handles";
import type { FlowNode } from "../schema/node";
import { type FlowProblem, nodeName } from "./problems";
import { checkEdges } from "./structure-edges";

function checkNodeIds(graph: FlowGraph): FlowProblem[] {
  const seen = new Set<string>();
  const problems: FlowProblem[] = [];
  for (const node of graph.nodes) {
    if (seen.has(node.id)) {
      problems.push({
        code: "duplicate_node_id",
        nodeId: node.id,
        message: `Node id "${node.id}" is used more than once`,
      });
    }
    seen.add(node.id);
  }
  return problems;
}

function checkTriggers(graph: FlowGraph): FlowProblem[] {
  const triggers = graph.nodes.filter((node) => node.type === "trigger");
  if (triggers.length === 0) return [{ code: "no_trigger", message: "The flow has no trigger; add one to start it" }];
  const names = triggers.map(nodeName).join(", ");
  return triggers.slice(1).map((node) => ({
    code: "multiple_triggers",
    nodeId: node.id,
    message: `${nodeName(node)} is an extra trigger; a flow has exactly one (found ${names})`,
  }));
}

function checkCycles(index: GraphIndex): FlowProblem[] {
  return stronglyConnectedComponents(index)
    .filter((component) => component.length > 1)
    .map((component) => {
      const names = component.map((id) => {
        const node = index.nodesById.get(id);
        return node ? nodeName(node) : id;
      });
      return {
        code: "cycle",
        nodeId: component[0],
        message: `These steps form a loop back to themselves: ${names.join(" → ")}; use a loop node to repeat steps`,
      };
    });
}

function checkReachability(graph: FlowGraph, index: GraphIndex): FlowProblem[] {
  const trigger = graph.nodes.find((node) => node.type === "trigger");
  if (!trigger) return [];
  const reached = reachableFrom(graph, trigger.id, index);
  return graph.nodes
    .filter((node) => !reached.has(node.id))
    .map((node) => ({
      code: "unreachable_node",
      nodeId: node.id,
      message: `${nodeName(node)} is not connected to the trigger ${nodeName(trigger)}, so it never runs`,
    }));
}

/**
 * A loop body must be entered only through the loop's body handle; a body step that is also
 * reachable from outside (or that leads back out to the `done` branch) would run an unclear
 * number of times.
 */
function checkLoop(graph: FlowGraph, loop: FlowNode, index: GraphIndex): FlowProblem[] {
  const body = loopBody(graph, loop.id, index);
  if (body.size === 0) {
    return [
      {
        code: "loop_without_body",
        nodeId: loop.id,
        message: `${nodeName(loop)} has nothing connected to its "body" handle`,
      },
    ];
  }
  const problems: FlowProblem[] = [];
  for (const id of body) {
    for (const edge of index.incoming.get(id) ?? []) {
      const fromBody = edge.source === loop.id && normalizeHandle(edge.sourceHandle) === LOOP_BODY_HANDLE;
      if (fromBody || body.has(edge.source)) continue;
      const inner = index.nodesById.get(id);
      const message = `${inner ? nodeName(inner) : id} runs inside ${nodeName(loop)} but is also reached from outside it by edge ${edge.id}`;
      problems.push({ code: "loop_body_not_isolated", nodeId: loop.id, edgeId: edge.id, message });
    }
  }
  return problems;
}

/** Graph-level problems: ids, edges and handles, trigger, cycles, reachability, loop bodies. */
export function validateStructure(graph: FlowGraph): FlowProblem[] {
  const index = indexGraph(graph);
  return [
    ...checkNodeIds(graph),
    ...checkEdges(graph, index.nodesById),
    ...checkTriggers(graph),
    ...checkCycles(index),
    ...checkReachability(graph, index),
    ...graph.nodes.filter((node) => node.type === "loop").flatMap((loop) => checkLoop(graph, loop, index)),
  ];
}
