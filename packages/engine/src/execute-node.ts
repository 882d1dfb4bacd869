import { ConnectorError } from "@handoff/connector-sdk";
import { getAction } from "@handoff/connectors";
import {
  type ActionNode,
  computeDelayEnd,
  type DelayNode,
  evaluateCondition,
  type FlowNode,
  resolveProps,
  selectPaths,
} from "@handoff/flow-core";
import { WaitUntil } from "./signals";
import { type ExecutionContext, expressionContext, type NodeResult } from "./step-context";

/** Runs one node once (loops are walked by the caller). Throws on failure; never records. */
export async function executeNode(
  execution: ExecutionContext,
  node: Exclude<FlowNode, { type: "loop" }>,
  stepKey: string,
  steps: Record<string, unknown>,
): Promise<NodeResult> {
  const context = expressionContext(execution, steps);
  switch (node.type) {
    case "trigger":
      return { output: execution.triggerPayload ?? null, handles: ["out"] };
    case "action":
      return { output: await runAction(execution, node, stepKey, steps), handles: ["out"] };
    case "condition": {
      const result = await evaluateCondition(node.props, context);
      return { output: { result, handles: [result ? "true" : "false"] }, handles: [result ? "true" : "false"] };
    }
    case "filter": {
      const passed = await evaluateCondition(node.props, context);
      return { output: { passed, handles: passed ? ["out"] : [] }, handles: passed ? ["out"] : [], stop: !passed };
    }
    case "paths": {
      const matched = await selectPaths(node.props, context);
      return { output: { matched, handles: matched }, handles: matched };
    }
    case "delay":
      return waitFor(execution, node, stepKey, steps);
  }
}

async function runAction(
  execution: ExecutionContext,
  node: ActionNode,
  stepKey: string,
  steps: Record<string, unknown>,
) {
  const action = getAction(node.connector, node.operation);
  if (!action) {
    throw new ConnectorError({ code: "validation", message: `Unknown action ${node.connector}/${node.operation}` });
  }
  const resolved = await resolveProps(node.props, expressionContext(execution, steps));
  const parsed = action.props.safeParse(resolved);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `props.${issue.path.join(".")}: ${issue.message}`);
    throw new ConnectorError({
      code: "validation",
      message: `Invalid props for ${action.name}: ${problems.join("; ")}`,
    });
  }
  return action.run({
    props: parsed.data,
    connection: null,
    idempotencyKey: `${execution.runId}:${stepKey}`,
    signal: execution.signal,
    log: (message, data) => execution.log(`[${node.id}] ${message}`, data),
  });
}

/**
 * The wake time is computed once and kept on the step, so a retried or resumed run wakes at the
 * same moment instead of starting the delay over.
 */
async function waitFor(
  execution: ExecutionContext,
  node: DelayNode,
  stepKey: string,
  steps: Record<string, unknown>,
): Promise<NodeResult> {
  const stored = execution.memo.get(stepKey)?.output as { wakeAt?: string } | undefined;
  const wakeAt = stored?.wakeAt
    ? new Date(stored.wakeAt)
    : await computeDelayEnd(node.props, expressionContext(execution, steps), execution.now());
  if (wakeAt.getTime() > execution.now().getTime()) throw new WaitUntil(wakeAt, stepKey);
  return { output: { wakeAt: wakeAt.toISOString(), handles: ["out"] }, handles: ["out"] };
}
