import { type FlowGraph, normalizeHandle } from "@handoff/flow-core";

const MAX_NODE_ID = 64;
const MAX_EDGE_ID = 100;

/**
 * A node id from an operation key ("find-or-create-contact" → "find_or_create_contact"), with
 * "_2", "_3", … when taken. Ids must be identifiers: they appear in `{{ steps.<id>.… }}`.
 */
export function freshNodeId(graph: FlowGraph, from: string): string {
  let base = from
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
  if (base === "") base = "step";
  if (/^[0-9]/.test(base)) base = `step_${base}`;
  base = base.slice(0, MAX_NODE_ID - 4);
  const taken = new Set(graph.nodes.map((node) => node.id));
  return uniqueId(base, taken);
}

/** A readable, unused edge id such as "booking-out-check". */
export function freshEdgeId(graph: FlowGraph, source: string, sourceHandle: string | null, target: string): string {
  const readable = `${source}-${normalizeHandle(sourceHandle)}-${target}`;
  const base = readable.length <= MAX_EDGE_ID - 4 ? readable : "edge";
  const taken = new Set(graph.edges.map((edge) => edge.id));
  return uniqueId(base, taken);
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}_${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
