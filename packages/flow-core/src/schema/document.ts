import { z } from "zod";
import { ZJsonValue } from "../json";
import { ZFlowNode, ZNodeId, ZRetryPolicy } from "./node";
import { ZTimeZone } from "./time-zone";

export const CURRENT_SCHEMA_VERSION = 2;

export const ZEdgeId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Use letters, digits, _ and - (max 100)");

/** `null` and `"out"` both mean the default handle of nodes that have a single output. */
export const DEFAULT_HANDLE = "out";

export const ZFlowEdge = z.object({
  id: ZEdgeId,
  source: ZNodeId,
  sourceHandle: z.string().min(1).max(64).nullable(),
  target: ZNodeId,
});
export type FlowEdge = z.infer<typeof ZFlowEdge>;

export const ZVarName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Use letters, digits and _");

export const ZFlowSettings = z.object({
  /** The zone used where a date has no offset and for date helpers called without one. */
  timeZone: ZTimeZone.optional(),
  retry: ZRetryPolicy.optional(),
});
export type FlowSettings = z.infer<typeof ZFlowSettings>;

export const ZFlowDocument = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  nodes: z.array(ZFlowNode).max(500),
  edges: z.array(ZFlowEdge).max(2000),
  vars: z.record(ZVarName, ZJsonValue).optional(),
  settings: ZFlowSettings.optional(),
});
export type FlowDocument = z.infer<typeof ZFlowDocument>;
