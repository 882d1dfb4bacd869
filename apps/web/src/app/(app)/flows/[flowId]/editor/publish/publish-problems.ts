import { type FlowDocument, nodeName } from "@handoff/flow-core";

/** A problem as `flows.publish` refuses with it, in `error.data.problems`. */
export interface PublishProblem {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
}

/** The problems a publish refusal carries, or null when the error is of another kind. */
export function problemsFromError(error: unknown): PublishProblem[] | null {
  const data = typeof error === "object" && error !== null && "data" in error ? error.data : undefined;
  if (typeof data !== "object" || data === null || !("problems" in data) || !Array.isArray(data.problems)) return null;
  return data.problems.filter(isProblem);
}

function isProblem(value: unknown): value is PublishProblem {
  if (typeof value !== "object" || value === null) return false;
  const problem = value as Record<string, unknown>;
  return (
    typeof problem.code === "string" &&
    typeof problem.message === "string" &&
    (problem.nodeId === undefined || typeof problem.nodeId === "string")
  );
}

/**
 * How a problem reads on its button: `"Create invoice": Customer is required`. Server messages
 * already start with the node's name and id (`"Create invoice" (invoice_1): …`); the id means
 * nothing to the office manager, so the prefix is rewritten to the label alone.
 */
export function problemText(problem: PublishProblem, draft: Pick<FlowDocument, "nodes">): string {
  const node = problem.nodeId ? draft.nodes.find((candidate) => candidate.id === problem.nodeId) : undefined;
  if (!node) return problem.message;
  const label = `"${node.label.trim() || node.id}"`;
  const prefix = nodeName(node);
  if (problem.message.startsWith(`${prefix}: `)) return `${label}: ${problem.message.slice(prefix.length + 2)}`;
  if (problem.message.startsWith(prefix)) return `${label}${problem.message.slice(prefix.length)}`;
  return `${label}: ${problem.message}`;
}
