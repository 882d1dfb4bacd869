import { DEFAULT_HANDLE } from "./schema/document";
import type { FlowNode } from "./schema/node";

export const LOOP_BODY_HANDLE = "body";
export const LOOP_DONE_HANDLE = "done";
export const CONDITION_TRUE_HANDLE = "true";
export const CONDITION_FALSE_HANDLE = "false";

/** `null` and `"out"` are the same handle; everything compares handles through this. */
export function normalizeHandle(handle: string | null | undefined): string {
  return handle ?? DEFAULT_HANDLE;
}

/** The source handles a node may have outgoing edges on (normalized). */
export function allowedHandles(node: FlowNode): readonly string[] {
  switch (node.type) {
    case "condition":
      return [CONDITION_TRUE_HANDLE, CONDITION_FALSE_HANDLE];
    case "paths":
      return node.props.branches.map((branch) => branch.key);
    case "loop":
      return [LOOP_BODY_HANDLE, LOOP_DONE_HANDLE];
    case "trigger":
    case "action":
    case "filter":
    case "delay":
      return [DEFAULT_HANDLE];
  }
}

export function isHandleAllowed(node: FlowNode, handle: string | null): boolean {
  return allowedHandles(node).includes(normalizeHandle(handle));
}

/** A readable list of a node's handles for error messages. */
export function describeHandles(node: FlowNode): string {
  const handles = allowedHandles(node);
  if (handles.length === 1 && handles[0] === DEFAULT_HANDLE) return 'only the default handle (null or "out")';
  return handles.map((handle) => `"${handle}"`).join(", ");
}
