import {
  ancestorsOf,
  type FlowDocument,
  type FlowNode,
  isConnectorNode,
  loopBody,
  type PathSegment,
  topologicalOrder,
} from "@handoff/flow-core";
import type { TestRunView } from "../../editor-contract";
import { findOperation } from "../catalog-lookup";
import type { Catalog } from "../editor-lookups";

/** Where a source's example data comes from: the latest test run, the catalog's sample, or nowhere. */
export type SampleOrigin = "test" | "sample" | "none";

/** One thing an earlier step produced that a field can read: the trigger, a step, the flow's vars. */
export interface DataSource {
  /** The reference prefix: `["trigger"]`, `["steps", "<nodeId>"]` or `["vars"]`. */
  path: PathSegment[];
  /** The step's name as the canvas shows it. */
  title: string;
  sample: unknown;
  origin: SampleOrigin;
}

interface SourceContext {
  draft: FlowDocument;
  nodeId: string;
  catalog: Catalog | undefined;
  testRun: TestRunView | null;
}

function testOutput(testRun: TestRunView | null, nodeId: string): unknown {
  const output = testRun?.steps[nodeId]?.output;
  return output === null ? undefined : output;
}

function connectorSample(node: FlowNode, context: SourceContext): { sample: unknown; origin: SampleOrigin } {
  const tested = testOutput(context.testRun, node.id);
  if (tested !== undefined) return { sample: tested, origin: "test" };
  const sample = isConnectorNode(node) ? findOperation(context.catalog, node)?.sampleOutput : undefined;
  return sample === undefined ? { sample: undefined, origin: "none" } : { sample, origin: "sample" };
}

const SIMPLE_PATH = /^(?:[A-Za-z_][A-Za-z0-9_]*|\[\d+\])(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/;

/** The value of a plain path such as `trigger.lines` or `{{ steps.crm.items[0] }}` in the example data. */
export function valueAtPath(source: string, data: Record<string, unknown>): unknown {
  const path = source.replace(/^\s*\{\{(.*)\}\}\s*$/s, "$1").trim();
  if (!SIMPLE_PATH.test(path)) return undefined;
  let value: unknown = data;
  for (const [, name, index] of path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== "object") return undefined;
    const key = name ?? Number(index);
    value = Array.isArray(value)
      ? typeof key === "number"
        ? value[key]
        : undefined
      : (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Inside a loop's body a step reads `steps.<loop>.item` and `.index`; after the loop, `.count`.
 * The example item is the first of the list the loop goes over, when that list is a plain path.
 */
function loopSample(loop: Extract<FlowNode, { type: "loop" }>, insideBody: boolean, sources: DataSource[]): unknown {
  const data: Record<string, unknown> = { steps: {} };
  for (const source of sources) {
    if (source.path[0] === "trigger") data.trigger = source.sample;
    if (source.path[0] === "steps") (data.steps as Record<string, unknown>)[String(source.path[1])] = source.sample;
  }
  const items = valueAtPath(loop.props.items, data);
  if (!insideBody) return { count: Array.isArray(items) ? items.length : 0 };
  return { item: Array.isArray(items) ? items[0] : undefined, index: 0 };
}

/**
 * What the step `nodeId` can read, in run order: the trigger and every step that always runs
 * before it (its ancestors), each with the latest test run's output or else the catalog's sample.
 */
export function dataSourcesFor(context: SourceContext): DataSource[] {
  const { draft, nodeId } = context;
  const ancestors = ancestorsOf(draft, nodeId);
  const nodesById = new Map(draft.nodes.map((node) => [node.id, node]));
  const sources: DataSource[] = [];
  for (const id of topologicalOrder(draft)) {
    const node = nodesById.get(id);
    if (!node || !ancestors.has(id) || id === nodeId) continue;
    const title = node.label.trim() === "" ? node.id : node.label;
    if (node.type === "trigger") sources.push({ path: ["trigger"], title, ...connectorSample(node, context) });
    if (node.type === "action") sources.push({ path: ["steps", node.id], title, ...connectorSample(node, context) });
    if (node.type === "loop") {
      const sample = loopSample(node, loopBody(draft, node.id).has(nodeId), sources);
      sources.push({ path: ["steps", node.id], title, sample, origin: "sample" });
    }
  }
  if (draft.vars && Object.keys(draft.vars).length > 0) {
    sources.push({ path: ["vars"], title: "Flow variables", sample: draft.vars, origin: "sample" });
  }
  return sources;
}
