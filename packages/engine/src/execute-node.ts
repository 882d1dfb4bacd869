import { type ActionConnection, ConnectorError } from "@handoff/connector-sdk";
import { getAction, needsConnection } from "@handoff/connectors";
import {
  type ActionNode,
  computeDelayEnd,
  containsExpression,
  type DelayNode,
  evaluateCondition,
  type FlowNode,
  resolveProps,
  selectPaths,
} from "@handoff/flow-core";
import { WaitUntil } from "./signals";
import { type ExecutionContext, expressionContext, type NodeResult } from "./step-context";

/** What a node worked with, filled in as soon as it is known (even when the node then fails). */
export interface ObservedInput {
  /** An action's props with every `{{ … }}` resolved: what was actually sent to the tool. */
  input?: unknown;
}

/** Runs one node once (loops are walked by the caller). Throws on failure; never records. */
export async function executeNode(
  execution: ExecutionContext,
  node: Exclude<FlowNode, { type: "loop" }>,
  stepKey: string,
  steps: Record<string, unknown>,
  observed: ObservedInput = {},
): Promise<NodeResult> {
  const context = expressionContext(execution, steps);
  switch (node.type) {
    case "trigger":
      return { output: execution.triggerPayload ?? null, handles: ["out"] };
    case "action":
      return { output: await runAction(execution, node, stepKey, steps, observed), handles: ["out"] };
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
  observed: ObservedInput,
) {
  const action = getAction(node.connector, node.operation);
  if (!action) {
    throw new ConnectorError({ code: "validation", message: `Unknown action ${node.connector}/${node.operation}` });
  }
  const resolved = omitEmptyMappings(node.props, await resolveProps(node.props, expressionContext(execution, steps)));
  observed.input = resolved;
  const parsed = action.props.safeParse(resolved);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `props.${issue.path.join(".")}: ${issue.message}`);
    throw new ConnectorError({
      code: "validation",
      message: `Invalid props for ${action.name}: ${problems.join("; ")}`,
    });
  }
  // Only provider steps match customers; core steps (HTTP request) skip the lookup entirely.
  const identity = needsConnection(node.connector)
    ? await execution.services?.identity(execution.workspaceId, execution.runId)
    : undefined;
  // The workspace's review is Handoff's own data: only core steps (the review action) get it.
  const review = needsConnection(node.connector)
    ? undefined
    : await execution.services?.review?.(execution.workspaceId, execution.runId);
  return action.run({
    props: parsed.data,
    connection: await connectionFor(execution, node),
    idempotencyKey: `${execution.runId}:${stepKey}`,
    signal: execution.signal,
    log: (message, data) => execution.log(`[${node.id}] ${message}`, data),
    ...(identity ? { identity } : {}),
    ...(review ? { review } : {}),
  });
}

/** Client ids, usernames and expiry times are not secrets; keys, tokens and passwords are. */
const CREDENTIAL_SECRET_KEY = /token|key|secret|password/i;

/**
 * A field mapped from data that is absent this time (`{{ trigger.customer.phone }}` for a booking
 * without a phone) is left out, as if it had not been filled in, rather than sent as null.
 */
function omitEmptyMappings(raw: Readonly<Record<string, unknown>>, resolved: unknown): unknown {
  if (typeof resolved !== "object" || resolved === null || Array.isArray(resolved)) return resolved;
  const kept = { ...(resolved as Record<string, unknown>) };
  for (const [key, value] of Object.entries(kept)) {
    const mapped = typeof raw[key] === "string" && containsExpression(raw[key]);
    if (mapped && (value === null || value === undefined)) delete kept[key];
  }
  return kept;
}

async function connectionFor(execution: ExecutionContext, node: ActionNode): Promise<ActionConnection | null> {
  if (!node.connectionId) {
    if (!needsConnection(node.connector)) return null;
    throw new ConnectorError({
      code: "validation",
      message: `${node.label || node.id} needs a ${node.connector} connection; choose one in the step panel`,
    });
  }
  if (!execution.services) {
    throw new ConnectorError({ code: "validation", message: "connections are not available to this runner" });
  }
  const connection = await execution.services.connection(execution.workspaceId, node.connectionId, execution.runId);
  for (const [key, value] of Object.entries(connection.credentials)) {
    if (CREDENTIAL_SECRET_KEY.test(key)) execution.knownSecrets.add(value);
  }
  return connection;
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
