import { z } from "zod";
import { ZEdgeId, ZFlowEdge } from "../schema/document";
import { ZFlowNode, ZNodeId, ZNodeSettings, ZPosition, ZProps } from "../schema/node";

export const ZAddNodeOperation = z.object({ type: z.literal("add_node"), node: ZFlowNode });
/** Also removes every edge touching the node. */
export const ZRemoveNodeOperation = z.object({ type: z.literal("remove_node"), nodeId: ZNodeId });
export const ZMoveNodeOperation = z.object({ type: z.literal("move_node"), nodeId: ZNodeId, position: ZPosition });
export const ZConnectOperation = z.object({ type: z.literal("connect"), edge: ZFlowEdge });
export const ZDisconnectOperation = z.object({ type: z.literal("disconnect"), edgeId: ZEdgeId });
/**
 * `merge` sets the given top-level props and keeps the others (what a form field edit does);
 * `replace` swaps the whole props object. Either way the node must still match its schema.
 */
export const ZUpdatePropsOperation = z.object({
  type: z.literal("update_props"),
  nodeId: ZNodeId,
  mode: z.enum(["merge", "replace"]),
  props: ZProps,
});
export const ZRenameOperation = z.object({ type: z.literal("rename"), nodeId: ZNodeId, label: z.string().max(200) });
/** Switches a trigger or action to another connector operation; props are reset unless given. */
export const ZSetOperationOperation = z.object({
  type: z.literal("set_operation"),
  nodeId: ZNodeId,
  connector: z.string().min(1),
  operation: z.string().min(1),
  props: ZProps.optional(),
});
/** Replaces the node's settings; `null` removes them. */
export const ZUpdateNodeSettingsOperation = z.object({
  type: z.literal("update_node_settings"),
  nodeId: ZNodeId,
  settings: ZNodeSettings.nullable(),
});

/** Chooses the saved account a connector step acts as; `null` clears it. */
export const ZSetConnectionOperation = z.object({
  type: z.literal("set_connection"),
  nodeId: ZNodeId,
  connectionId: z.uuid().nullable(),
});

export const ZFlowOperation = z.discriminatedUnion("type", [
  ZAddNodeOperation,
  ZRemoveNodeOperation,
  ZMoveNodeOperation,
  ZConnectOperation,
  ZDisconnectOperation,
  ZUpdatePropsOperation,
  ZRenameOperation,
  ZSetOperationOperation,
  ZUpdateNodeSettingsOperation,
  ZSetConnectionOperation,
]);
export type FlowOperation = z.infer<typeof ZFlowOperation>;
export type FlowOperationType = FlowOperation["type"];

export const OPERATION_ERROR_CODES = [
  "invalid_operation",
  "node_not_found",
  "edge_not_found",
  "duplicate_node_id",
  "duplicate_edge_id",
  "second_trigger",
  "self_loop",
  "would_create_cycle",
  "invalid_handle",
  "handle_in_use",
  "duplicate_edge",
  "trigger_incoming",
  "invalid_node",
  "not_a_connector_node",
  "internal_error",
] as const;
export type OperationErrorCode = (typeof OPERATION_ERROR_CODES)[number];

export interface OperationError {
  code: OperationErrorCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
}

export type OperationResult<G> = { ok: true; graph: G } | { ok: false; error: OperationError };
