import type { NodeTypes } from "@xyflow/react";
import { StepNode } from "./step-node";

// Module-level so React Flow never sees a new object and remounts every node.
export const NODE_TYPES = {
  trigger: StepNode,
  action: StepNode,
  condition: StepNode,
  paths: StepNode,
  filter: StepNode,
  delay: StepNode,
  loop: StepNode,
} satisfies NodeTypes;
