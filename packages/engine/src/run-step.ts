import { ConnectorError, computeBackoff, toConnectorError } from "@handoff/connector-sdk";
import { ExpressionError, type FlowNode, type RetryPolicy } from "@handoff/flow-core";
import { executeNode, type ObservedInput } from "./execute-node";
import { type StepRecord, saveSteps } from "./run-store";
import { StepFailure, WaitUntil } from "./signals";
import type { ExecutionContext, NodeResult } from "./step-context";
import { capOutput, redactSecrets } from "./step-record";

/** Nodes whose step acts outside Handoff (creates, sends, charges). */
const SIDE_EFFECT_NODE_TYPES: ReadonlySet<FlowNode["type"]> = new Set(["action"]);

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, backoffBaseMs: 1_000 };
const MAX_BACKOFF_MS = 60 * 60 * 1_000;

/**
 * One memoised step: a step that already succeeded returns its stored output without running
 * again (retries and replays never repeat a side effect); otherwise the node runs and its
 * outcome — output or error, attempt, timings — is recorded before the walk moves on.
 */
export async function runStep(
  execution: ExecutionContext,
  node: Exclude<FlowNode, { type: "loop" }>,
  stepKey: string,
  steps: Record<string, unknown>,
): Promise<NodeResult> {
  const previous = execution.memo.get(stepKey);
  if (previous?.status === "succeeded") return replayed(node, previous.output);
  const attempt = (previous?.status === "failed" ? previous.attempt : 0) + 1;
  const startedAt = execution.now();
  // The step's input is what the node was given once its references were resolved (the values
  // the tool received), or its props as written when it failed before resolving them.
  const observed: ObservedInput = {};
  const record = (fields: { status: "running" | "succeeded" | "failed"; output: unknown; error: unknown }) => {
    const secrets = [...execution.knownSecrets];
    const capped = capOutput(secrets.length > 0 ? redactSecrets(fields.output, secrets) : fields.output);
    const step: StepRecord = {
      runId: execution.runId,
      stepKey,
      nodeId: node.id,
      status: fields.status,
      input: node.type === "trigger" ? null : redactSecrets(observed.input ?? node.props, secrets),
      output: capped.value,
      outputTruncated: capped.truncated,
      error: secrets.length > 0 ? redactSecrets(fields.error, secrets) : fields.error,
      attempt,
      startedAt,
      finishedAt: fields.status === "running" ? null : execution.now(),
    };
    if (fields.status === "succeeded") {
      execution.pendingSteps.push(step);
      return Promise.resolve();
    }
    return saveSteps(execution.db, execution.pendingSteps.splice(0).concat(step));
  };
  // Records of finished steps are written before the next side effect starts (or with the run's
  // final status): a crash can then repeat at most the one side effect in flight, whose
  // idempotency key makes the provider answer the first result again.
  if (SIDE_EFFECT_NODE_TYPES.has(node.type)) await saveSteps(execution.db, execution.pendingSteps.splice(0));
  try {
    const result = await executeNode(execution, node, stepKey, steps, observed);
    await record({ status: "succeeded", output: result.output, error: null });
    return result;
  } catch (thrown) {
    if (thrown instanceof WaitUntil) {
      await record({ status: "running", output: { wakeAt: thrown.at.toISOString() }, error: null });
      throw thrown;
    }
    const error = asConnectorError(thrown);
    const policy = node.settings?.retry ?? execution.graph.settings?.retry ?? DEFAULT_RETRY_POLICY;
    const retryAt =
      error.kind === "retriable" && attempt < policy.maxAttempts
        ? new Date(execution.now().getTime() + backoff(attempt, policy, error.retryAfterMs))
        : undefined;
    await record({
      status: "failed",
      output: null,
      error: { ...error.toJSON(), retryAt: retryAt?.toISOString() ?? null },
    });
    if (node.settings?.continueOnError && !retryAt) return { output: { error: error.toJSON() }, handles: ["out"] };
    throw new StepFailure({ nodeId: node.id, nodeLabel: node.label || node.id, stepKey, attempt, error, retryAt });
  }
}

function backoff(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined): number {
  return computeBackoff({ attempt, baseMs: policy.backoffBaseMs, maxMs: MAX_BACKOFF_MS, retryAfterMs });
}

/** Expression mistakes are the flow's, not the provider's: final, with the prop named. */
function asConnectorError(thrown: unknown): ConnectorError {
  if (thrown instanceof ExpressionError) return new ConnectorError({ code: "validation", message: thrown.message });
  return toConnectorError(thrown);
}

/** Control nodes store the handles they took, so a replay follows the same branch. */
function replayed(node: FlowNode, output: unknown): NodeResult {
  if (node.type === "trigger" || node.type === "action") return { output, handles: ["out"] };
  const handles = (output as { handles?: unknown } | null)?.handles;
  const taken = Array.isArray(handles) ? handles.filter((h): h is string => typeof h === "string") : [];
  return { output, handles: taken, stop: node.type === "filter" && taken.length === 0 };
}
