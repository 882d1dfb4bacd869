import { ConnectorError } from "@handoff/connector-sdk";
import {
  type FlowNode,
  findTrigger,
  loopBody,
  normalizeHandle,
  resolveLoopItems,
  topologicalOrder,
} from "@handoff/flow-core";
import { runStep } from "./run-step";
import { type StepRecord, saveSteps } from "./run-store";
import { StepFailure } from "./signals";
import { type ExecutionContext, expressionContext, type NodeResult } from "./step-context";

/** Walks the whole flow from its trigger. Resolves when done (or stopped by a filter). */
export async function walkFlow(execution: ExecutionContext): Promise<void> {
  const trigger = findTrigger(execution.graph);
  if (!trigger) throw new ConnectorError({ code: "validation", message: "The flow has no trigger" });
  const scope = new Set(execution.graph.nodes.map((node) => node.id));
  await walkScope(execution, scope, [trigger.id], "", {});
}

/**
 * Runs the nodes of one scope (the flow, or one iteration of a loop body) in topological order.
 * A node runs when an edge from a node that ran points at it through a handle that node took.
 * Nodes inside a nested loop's body are left to that loop.
 */
async function walkScope(
  execution: ExecutionContext,
  scope: ReadonlySet<string>,
  entries: readonly string[],
  keySuffix: string,
  steps: Record<string, unknown>,
): Promise<"completed" | "stopped"> {
  const nested = new Set<string>();
  for (const id of scope) {
    const node = execution.index.nodesById.get(id);
    if (node?.type === "loop") for (const inner of loopBody(execution.graph, id, execution.index)) nested.add(inner);
  }
  const active = new Set(entries);
  for (const id of topologicalOrder(execution.graph, execution.index)) {
    if (!scope.has(id) || nested.has(id) || !active.has(id)) continue;
    const node = execution.index.nodesById.get(id);
    if (!node) continue;
    const stepKey = `${id}${keySuffix}`;
    const result =
      node.type === "loop"
        ? await runLoop(execution, node, stepKey, steps)
        : await runStep(execution, node, stepKey, steps);
    steps[id] = result.output;
    if (result.stop) return "stopped";
    for (const edge of execution.index.outgoing.get(id) ?? []) {
      if (result.handles.includes(normalizeHandle(edge.sourceHandle)) && scope.has(edge.target))
        active.add(edge.target);
    }
  }
  return "completed";
}

async function runLoop(
  execution: ExecutionContext,
  node: Extract<FlowNode, { type: "loop" }>,
  stepKey: string,
  steps: Record<string, unknown>,
): Promise<NodeResult> {
  const items = await resolveLoopItems(node.props.items, expressionContext(execution, steps)).catch(
    async (thrown: unknown) => {
      const error = new ConnectorError({
        code: "validation",
        message: thrown instanceof Error ? thrown.message : String(thrown),
      });
      const now = execution.now();
      const failed: StepRecord = {
        ...{ runId: execution.runId, stepKey, nodeId: node.id, status: "failed", input: { items: node.props.items } },
        ...{ output: null, outputTruncated: false, error: error.toJSON(), attempt: 1, startedAt: now, finishedAt: now },
      };
      await saveSteps(execution.db, execution.pendingSteps.splice(0).concat(failed));
      throw new StepFailure({ nodeId: node.id, nodeLabel: node.label || node.id, stepKey, attempt: 1, error });
    },
  );
  const body = loopBody(execution.graph, node.id, execution.index);
  const entries =
    execution.index.outgoing
      .get(node.id)
      ?.filter((edge) => edge.sourceHandle === "body")
      .map((edge) => edge.target) ?? [];
  for (const [index, item] of items.entries()) {
    const iterationSteps = { ...steps, [node.id]: { item, index } };
    await walkScope(execution, body, entries, `${stepKeySuffix(stepKey, node.id)}[${index}]`, iterationSteps);
  }
  const output = { count: items.length, handles: ["done"] };
  const now = execution.now();
  const record: StepRecord = {
    runId: execution.runId,
    stepKey,
    nodeId: node.id,
    status: "succeeded",
    input: { items: node.props.items },
    output,
    outputTruncated: false,
    error: null,
    attempt: 1,
    startedAt: now,
    finishedAt: now,
  };
  await saveSteps(execution.db, execution.pendingSteps.splice(0).concat(record));
  return { output, handles: ["done"] };
}

/** The iteration path of a loop's own step key (`loop[2]` inside an outer loop → `[2]`). */
function stepKeySuffix(stepKey: string, nodeId: string): string {
  return stepKey.slice(nodeId.length);
}
