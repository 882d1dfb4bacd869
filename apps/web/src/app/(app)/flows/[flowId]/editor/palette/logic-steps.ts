import type { FlowNode, Position } from "@handoff/flow-core";

export type LogicNodeType = "condition" | "paths" | "filter" | "delay" | "loop";

export interface LogicStep {
  type: LogicNodeType;
  name: string;
  description: string;
}

/** The built-in steps the palette offers under "Logic". */
export const LOGIC_STEPS: readonly LogicStep[] = [
  { type: "condition", name: "Condition", description: "Continue on the true or the false branch" },
  { type: "paths", name: "Paths", description: "Send the run down the first path whose rules match" },
  { type: "filter", name: "Filter", description: "Stop here unless the rules match" },
  { type: "delay", name: "Delay", description: "Wait before the next step" },
  { type: "loop", name: "Loop", description: "Repeat steps for every item of a list" },
];

const NO_RULES = { combinator: "and" as const, rules: [] };

/**
 * A new logic node with the smallest props its schema accepts; the step panel fills them in (an
 * empty rule group is reported as a problem, so it cannot be published by mistake).
 */
export function newLogicNode(type: LogicNodeType, id: string, label: string, position: Position): FlowNode {
  const base = { id, label, position };
  switch (type) {
    case "condition":
      return { ...base, type, props: NO_RULES };
    case "filter":
      return { ...base, type, props: NO_RULES };
    case "paths":
      return {
        ...base,
        type,
        props: {
          mode: "first-match",
          branches: [
            { key: "path_1", label: "Path 1", rules: NO_RULES },
            // An empty group always matches: the usual catch-all last path.
            { key: "otherwise", label: "Otherwise", rules: NO_RULES },
          ],
        },
      };
    case "delay":
      return { ...base, type, props: { mode: "duration", amount: 5, unit: "minutes" } };
    case "loop":
      return { ...base, type, props: { items: "{{ trigger.items }}" } };
  }
}
