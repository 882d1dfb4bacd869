import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topologicalOrder } from "../graph/walk";
import { allowedHandles } from "../handles";
import { type FlowDocument, ZFlowDocument } from "../schema/document";
import type { FlowNode } from "../schema/node";
import { deepFreeze, sampleFlow, testConnectors } from "../testing/sample-flow";
import { isGraphInvariantCode } from "../validation/problems";
import { validateFlow } from "../validation/validate-flow";
import { applyOperation } from "./apply";
import type { FlowOperation } from "./schema";

/**
 * Operations are generated as intents resolved against the current graph ("connect the 3rd node's
 * 2nd handle to the 1st node"), so most of them are plausible edits that reach the interesting
 * checks (cycles, busy handles, second triggers) instead of failing on a missing id.
 * A minority use arbitrary ids and handles, and some are outright junk.
 */
type Intent = (doc: FlowDocument) => FlowOperation;

const pick = <T>(items: readonly T[], index: number): T | undefined => items[index % Math.max(1, items.length)];
const nodeIdAt = (doc: FlowDocument, index: number) => pick(doc.nodes, index)?.id ?? "missing";
const strayId = fc.constantFrom("n1", "n2", "n3", "ghost", "deal_won");
/** Mostly null (use the graph), sometimes an arbitrary id that may or may not exist. */
const maybeStray = (weightOfGraph: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: weightOfGraph }, { arbitrary: strayId, weight: 1 });
const position = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
const emptyGroup = { combinator: "and" as const, rules: [] };
const rule = { field: "trigger.amount", operator: "greater_than" as const, value: 10 };
// Not unique on purpose: duplicate branch keys must be refused.
const branchKeys = fc.array(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 3 });

const nodeShape = (id: string, kind: number, keys: string[]): FlowNode => {
  const base = { id, label: `Node ${id}`, position: { x: 0, y: 0 } };
  const paths: FlowNode = {
    ...base,
    type: "paths",
    props: { mode: "all-match", branches: keys.map((key) => ({ key, label: key, rules: emptyGroup })) },
  };
  // Paths nodes appear three times: their declared handles make them the richest case.
  const shapes: FlowNode[] = [
    { ...base, type: "action", connector: "messaging", operation: "send_email", props: { to: "{{ trigger.email }}" } },
    { ...base, type: "condition", props: { combinator: "or", rules: [rule] } },
    { ...base, type: "filter", props: { combinator: "and", rules: [rule] } },
    { ...base, type: "delay", props: { mode: "duration", amount: 5, unit: "minutes" } },
    { ...base, type: "loop", props: { items: "trigger.items" } },
    paths,
    paths,
    paths,
    { ...base, type: "trigger", connector: "crm", operation: "deal_won", props: { pipeline: "sales" } },
  ];
  return shapes[kind % shapes.length] as FlowNode;
};

let fresh = 0;

const addNode: fc.Arbitrary<Intent> = fc
  .record({ kind: fc.nat(), keys: branchKeys, stray: maybeStray(4) })
  .map(({ kind, keys, stray }) => () => ({ type: "add_node", node: nodeShape(stray ?? `n_${++fresh}`, kind, keys) }));

const connect: fc.Arbitrary<Intent> = fc
  .record({
    from: fc.nat(),
    to: fc.nat(),
    handle: fc.nat(),
    badHandle: fc.boolean(),
    reuseId: fc.boolean(),
    branching: fc.boolean(),
  })
  .map(({ from, to, handle, badHandle, reuseId, branching }) => (doc) => {
    // Half the time start from a node with several handles: that is where handle rules bite.
    const branchers = doc.nodes.filter((n) => allowedHandles(n).length > 1);
    const source = pick(branching && branchers.length > 0 ? branchers : doc.nodes, from);
    const handles = source ? allowedHandles(source) : ["out"];
    const sourceHandle = badHandle && handle % 3 === 0 ? "nope" : (pick(handles, handle) ?? null);
    const id = reuseId && handle % 4 === 0 ? (pick(doc.edges, handle)?.id ?? "e1") : `x_${++fresh}`;
    return { type: "connect", edge: { id, source: source?.id ?? "missing", sourceHandle, target: nodeIdAt(doc, to) } };
  });

const onNode = <T>(
  arbitrary: fc.Arbitrary<T>,
  build: (nodeId: string, value: T) => FlowOperation,
): fc.Arbitrary<Intent> =>
  fc.record({ index: fc.nat(), stray: maybeStray(6), value: arbitrary }).map(
    ({ index, stray, value }) =>
      (doc) =>
        build(stray ?? nodeIdAt(doc, index), value),
  );

const intent: fc.Arbitrary<Intent> = fc.oneof(
  { arbitrary: addNode, weight: 4 },
  { arbitrary: connect, weight: 5 },
  { arbitrary: onNode(fc.constant(null), (nodeId) => ({ type: "remove_node", nodeId })), weight: 1 },
  { arbitrary: onNode(position, (nodeId, p) => ({ type: "move_node", nodeId, position: p })), weight: 1 },
  {
    arbitrary: fc.nat().map(
      (i): Intent =>
        (doc) => ({ type: "disconnect", edgeId: pick(doc.edges, i)?.id ?? "none" }),
    ),
    weight: 1,
  },
  // Re-keying a paths node's branches is the edit that can strand edges, so aim it at paths nodes.
  {
    arbitrary: fc.record({ index: fc.nat(), keys: branchKeys }).map(
      ({ index, keys }): Intent =>
        (doc) => ({
          type: "update_props",
          nodeId:
            pick(
              doc.nodes.filter((n) => n.type === "paths"),
              index,
            )?.id ?? nodeIdAt(doc, index),
          mode: "merge",
          props: { branches: keys.map((key) => ({ key, label: key, rules: emptyGroup })) },
        }),
    ),
    weight: 2,
  },
  { arbitrary: onNode(fc.string({ maxLength: 8 }), (nodeId, label) => ({ type: "rename", nodeId, label })), weight: 1 },
  {
    arbitrary: onNode(fc.constant(null), (nodeId) => ({
      type: "set_operation",
      nodeId,
      connector: "crm",
      operation: "find_contact",
    })),
    weight: 1,
  },
  {
    arbitrary: onNode(fc.boolean(), (nodeId, flag) => ({
      type: "update_node_settings",
      nodeId,
      settings: { continueOnError: flag },
    })),
    weight: 1,
  },
  {
    arbitrary: fc.anything().map(
      (junk): Intent =>
        () =>
          junk as FlowOperation,
    ),
    weight: 1,
  },
);

function invariantProblems(doc: FlowDocument) {
  return validateFlow(doc, { connectors: testConnectors }).filter((problem) => isGraphInvariantCode(problem.code));
}

describe("applyOperation (property)", () => {
  it("keeps every graph invariant, never mutates and never throws, whatever the sequence", () => {
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 40 }), (intents) => {
        let doc = deepFreeze(sampleFlow());
        for (const resolve of intents) {
          const before = JSON.stringify(doc);
          const result = applyOperation(doc, resolve(doc));
          expect(JSON.stringify(doc)).toBe(before);
          if (!result.ok) {
            expect(result.error.code).not.toBe("internal_error");
            continue;
          }
          doc = deepFreeze(result.graph);
          expect(invariantProblems(doc)).toEqual([]);
          expect(ZFlowDocument.safeParse(doc).success).toBe(true);
          expect(topologicalOrder(doc)).toHaveLength(doc.nodes.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("exercises real edits: connections succeed and are refused for each structural reason", () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(intent, { minLength: 30, maxLength: 30 }), (intents) => {
        let doc = sampleFlow();
        for (const resolve of intents) {
          const op = resolve(doc);
          const result = applyOperation(doc, op);
          const key = `${typeof op?.type === "string" ? op.type : "junk"}:${result.ok ? "ok" : result.error.code}`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
          if (result.ok) doc = result.graph;
        }
      }),
      { numRuns: 100, seed: 42 },
    );
    // A generator that only produced errors (or never hit these checks) would make the property above vacuous.
    for (const key of [
      "connect:ok",
      "connect:would_create_cycle",
      "connect:handle_in_use",
      "connect:invalid_handle",
      "add_node:ok",
      "add_node:second_trigger",
      "remove_node:ok",
    ]) {
      expect(outcomes.get(key) ?? 0, key).toBeGreaterThan(5);
    }
  });
});
