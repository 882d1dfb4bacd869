import type { GraphIndex } from "./graph-index";

/**
 * Tarjan's strongly connected components. Every component with more than one node is a cycle
 * (self-loops are reported separately), so validation can name every cycle, not just the first.
 */
export function stronglyConnectedComponents(index: GraphIndex): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];

  const visit = (id: string): void => {
    order.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const edge of index.outgoing.get(id) ?? []) {
      const child = edge.target;
      if (!order.has(child)) {
        visit(child);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(child) ?? 0));
      } else if (onStack.has(child)) {
        low.set(id, Math.min(low.get(id) ?? 0, order.get(child) ?? 0));
      }
    }
    if (low.get(id) !== order.get(id)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === id) break;
    }
    components.push(component.reverse());
  };

  for (const id of index.nodesById.keys()) if (!order.has(id)) visit(id);
  return components;
}
