import type { ActionNode, FlowEdge, JsonValue, Props, TriggerNode } from "@handoff/flow-core";

// Small constructors that keep template graphs readable. Connection ids stay empty: the install
// service fills them per connection role.

/** Vertical spacing of the canvas layout, so templates open tidy in the editor. */
export const ROW = 150;

export function trigger(
  id: string,
  connector: string,
  operation: string,
  label: string,
  props: Props,
  row = 0,
): TriggerNode {
  return { id, type: "trigger", connector, operation, label, position: { x: 0, y: row * ROW }, props };
}

export function action(
  id: string,
  connector: string,
  operation: string,
  label: string,
  props: Record<string, JsonValue>,
  at: { row: number; column?: number },
): ActionNode {
  const position = { x: (at.column ?? 0) * 320, y: at.row * ROW };
  return { id, type: "action", connector, operation, label, position, props };
}

/** An edge; `handle` is the source handle of branching nodes ("true", "false", a path key). */
export function edge(source: string, target: string, handle: string | null = null): FlowEdge {
  return { id: `${source}-${handle ?? "out"}-${target}`, source, sourceHandle: handle, target };
}

/** Edges joining the nodes one after the other. */
export function chain(...ids: string[]): FlowEdge[] {
  return ids.slice(1).map((id, index) => edge(ids[index] as string, id));
}

/**
 * A value as text, "" when missing: Stripe metadata and HubSpot properties take strings, while a
 * lone `{{ path }}` yields the raw value (a number, or null when the provider left it out).
 */
export function asText(expression: string): string {
  return `{{ $string($default(${expression}, "")) }}`;
}
