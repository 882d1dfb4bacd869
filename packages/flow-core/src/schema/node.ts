import { z } from "zod";
import { ZJsonValue } from "../json";
import { ZRuleGroup } from "./rules";
import { ZTimeZone } from "./time-zone";

/**
 * Node ids are identifiers so that `steps.<id>` is a plain path in an expression and the id can
 * be part of a step key. They are stable: the canvas generates one and it never changes.
 */
export const ZNodeId = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Use letters, digits and _ (max 64), not starting with a digit");
export type NodeId = z.infer<typeof ZNodeId>;

export const NODE_TYPES = ["trigger", "action", "condition", "paths", "filter", "delay", "loop"] as const;
export const ZNodeType = z.enum(NODE_TYPES);
export type NodeType = z.infer<typeof ZNodeType>;

export const ZPosition = z.object({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof ZPosition>;

export const ZRetryPolicy = z.object({
  maxAttempts: z.number().int().min(1).max(20),
  backoffBaseMs: z.number().int().min(0).max(3_600_000),
});
export type RetryPolicy = z.infer<typeof ZRetryPolicy>;

/** Per-node overrides of the flow settings. */
export const ZNodeSettings = z.object({
  retry: ZRetryPolicy.optional(),
  /** The run carries on with the step recorded as failed instead of stopping. */
  continueOnError: z.boolean().optional(),
});
export type NodeSettings = z.infer<typeof ZNodeSettings>;

export const ZProps = z.record(z.string(), ZJsonValue);
export type Props = z.infer<typeof ZProps>;

const nodeBase = {
  id: ZNodeId,
  label: z.string().max(200),
  position: ZPosition,
  settings: ZNodeSettings.optional(),
};

const connectorNode = {
  ...nodeBase,
  connector: z.string().min(1),
  operation: z.string().min(1),
  /** The saved account the step acts as; required by connectors that authenticate. */
  connectionId: z.uuid().optional(),
  props: ZProps,
};

export const ZTriggerNode = z.object({ type: z.literal("trigger"), ...connectorNode });
export const ZActionNode = z.object({ type: z.literal("action"), ...connectorNode });

export const ZConditionNode = z.object({ type: z.literal("condition"), ...nodeBase, props: ZRuleGroup });

/** Stops the run (successfully) when the rules are false. */
export const ZFilterNode = z.object({ type: z.literal("filter"), ...nodeBase, props: ZRuleGroup });

export const ZBranchKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Use letters, digits, _ and - (max 64)");

export const ZPathsBranch = z.object({
  /** The source handle of the edges that leave this branch. */
  key: ZBranchKey,
  label: z.string().max(200),
  /** An empty `and` group always matches: the usual catch-all last branch. */
  rules: ZRuleGroup,
});
export type PathsBranch = z.infer<typeof ZPathsBranch>;

export const ZPathsMode = z.enum(["first-match", "all-match"]);
export type PathsMode = z.infer<typeof ZPathsMode>;

export const ZPathsNode = z.object({
  type: z.literal("paths"),
  ...nodeBase,
  props: z.object({ mode: ZPathsMode, branches: z.array(ZPathsBranch).min(1).max(20) }),
});

export const DURATION_UNITS = ["seconds", "minutes", "hours", "days"] as const;
export const ZDurationUnit = z.enum(DURATION_UNITS);
export type DurationUnit = z.infer<typeof ZDurationUnit>;

export const ZDelayProps = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("duration"), amount: z.number().positive().max(1_000_000), unit: ZDurationUnit }),
  z.object({
    mode: z.literal("until"),
    /** An ISO date-time, or an expression yielding one. Without an offset it is read in `timeZone`. */
    at: z.string().min(1),
    timeZone: ZTimeZone,
  }),
]);
export type DelayProps = z.infer<typeof ZDelayProps>;

export const ZDelayNode = z.object({ type: z.literal("delay"), ...nodeBase, props: ZDelayProps });

/**
 * The subgraph reached through the `body` handle runs once per item; inside it the current item
 * is `steps.<loopId>.item` (and `.index`). The `done` handle continues after the last item.
 */
export const ZLoopNode = z.object({
  type: z.literal("loop"),
  ...nodeBase,
  props: z.object({ items: z.string().min(1) }),
});

export const ZFlowNode = z.discriminatedUnion("type", [
  ZTriggerNode,
  ZActionNode,
  ZConditionNode,
  ZPathsNode,
  ZFilterNode,
  ZDelayNode,
  ZLoopNode,
]);
export type FlowNode = z.infer<typeof ZFlowNode>;
export type TriggerNode = z.infer<typeof ZTriggerNode>;
export type ActionNode = z.infer<typeof ZActionNode>;
export type ConditionNode = z.infer<typeof ZConditionNode>;
export type PathsNode = z.infer<typeof ZPathsNode>;
export type FilterNode = z.infer<typeof ZFilterNode>;
export type DelayNode = z.infer<typeof ZDelayNode>;
export type LoopNode = z.infer<typeof ZLoopNode>;
export type ConnectorNode = TriggerNode | ActionNode;

export function isConnectorNode(node: FlowNode): node is ConnectorNode {
  return node.type === "trigger" || node.type === "action";
}
