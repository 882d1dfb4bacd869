import { type FlowNode, type FlowProblem, nodeName } from "@handoff/flow-core";

/** Whether a problem's `field` (e.g. `props.lines[0].unitAmount`) is at or inside `anchor` (`props.lines`). */
export function isUnderPath(field: string, anchor: string): boolean {
  if (anchor === "") return true;
  if (!field.startsWith(anchor)) return false;
  const next = field.charAt(anchor.length);
  return next === "" || next === "." || next === "[";
}

/**
 * The problems a field shows: those at or inside its path, except the ones a nested field it
 * renders (listed in `claimedByChildren`) shows itself.
 */
export function problemsAt(
  problems: readonly FlowProblem[],
  anchor: string,
  claimedByChildren: readonly string[] = [],
): FlowProblem[] {
  return problems.filter(
    (problem) =>
      problem.field !== undefined &&
      isUnderPath(problem.field, anchor) &&
      !claimedByChildren.some((child) => isUnderPath(problem.field as string, child)),
  );
}

/** Problems no field of the panel shows: they go at the top of the panel. */
export function unplacedProblems(problems: readonly FlowProblem[], anchors: readonly string[]): FlowProblem[] {
  return problems.filter(
    (problem) => problem.field === undefined || !anchors.some((anchor) => isUnderPath(problem.field as string, anchor)),
  );
}

/**
 * Validation messages name the node and the field for the problems list; under the field itself
 * that is noise: `"Find" (find): props.email — Invalid email` reads "Invalid email" there.
 */
export function inlineMessage(problem: FlowProblem, node: Pick<FlowNode, "id" | "label">): string {
  let message = problem.message;
  const name = nodeName(node);
  if (message.startsWith(`${name}: `)) message = message.slice(name.length + 2);
  else if (message.startsWith(`${name} `)) message = message.slice(name.length + 1);
  const field = problem.field;
  if (field && message.startsWith(`${field} — `)) message = message.slice(field.length + 3);
  else if (field && message.startsWith(`${field} `)) message = `This field ${message.slice(field.length + 1)}`;
  // zod's wording for a missing value reads like a type error to someone filling in a form.
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return "Required";
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The paths the panel's fields show problems for, by step type: everything else with this node's
 * id goes to the list at the top. Rule, delay and loop editors take all of `props` and place
 * what their own fields do not show at the top of their section.
 */
export function panelAnchors(nodeType: FlowNode["type"], propPaths: readonly string[]): string[] {
  if (nodeType === "trigger") return ["label", "connector", "operation", "connectionId", ...propPaths];
  if (nodeType === "action") return ["label", "connector", "operation", "connectionId", ...propPaths, "settings"];
  return ["label", "props"];
}
