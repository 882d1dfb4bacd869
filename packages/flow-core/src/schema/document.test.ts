import { describe, expect, it } from "vitest";
import { sampleFlow } from "../testing/sample-flow";
import { ZFlowDocument } from "./document";
import { ZFlowNode } from "./node";

describe("ZFlowDocument", () => {
  it("accepts the sample flow unchanged", () => {
    const doc = sampleFlow();
    expect(ZFlowDocument.parse(doc)).toEqual(doc);
  });

  it("rejects an unknown schemaVersion, node ids that are not identifiers and offset time zones", () => {
    const doc = sampleFlow();
    expect(ZFlowDocument.safeParse({ ...doc, schemaVersion: 1 }).success).toBe(false);
    const badId = { ...doc, nodes: [{ ...doc.nodes[0], id: "deal-won" }] };
    expect(ZFlowDocument.safeParse(badId).success).toBe(false);
    expect(ZFlowDocument.safeParse({ ...doc, settings: { timeZone: "+02:00" } }).success).toBe(false);
    expect(ZFlowDocument.safeParse({ ...doc, settings: { timeZone: "Mars/Olympus" } }).success).toBe(false);
    expect(ZFlowDocument.safeParse({ ...doc, settings: { timeZone: "America/New_York" } }).success).toBe(true);
  });
});

describe("ZFlowNode", () => {
  const base = { id: "n1", label: "Wait", position: { x: 1, y: 2 } };

  it("discriminates delay modes", () => {
    expect(
      ZFlowNode.safeParse({ ...base, type: "delay", props: { mode: "duration", amount: 2, unit: "hours" } }).success,
    ).toBe(true);
    expect(
      ZFlowNode.safeParse({ ...base, type: "delay", props: { mode: "duration", amount: 2, unit: "weeks" } }).success,
    ).toBe(false);
    const until = { mode: "until", at: "{{ trigger.start }}", timeZone: "Europe/Paris" };
    expect(ZFlowNode.safeParse({ ...base, type: "delay", props: until }).success).toBe(true);
    expect(ZFlowNode.safeParse({ ...base, type: "delay", props: { ...until, timeZone: undefined } }).success).toBe(
      false,
    );
  });

  it("requires connector and operation on actions but a rule group on conditions", () => {
    expect(ZFlowNode.safeParse({ ...base, type: "action", props: {} }).success).toBe(false);
    expect(ZFlowNode.safeParse({ ...base, type: "condition", props: { combinator: "xor", rules: [] } }).success).toBe(
      false,
    );
    const nested = {
      combinator: "or",
      rules: [{ combinator: "and", rules: [{ field: "trigger.a", operator: "exists" }] }],
    };
    expect(ZFlowNode.safeParse({ ...base, type: "condition", props: nested }).success).toBe(true);
  });

  it("limits rule nesting depth", () => {
    let group: unknown = { combinator: "and", rules: [{ field: "trigger.a", operator: "exists" }] };
    for (let i = 0; i < 6; i++) group = { combinator: "and", rules: [group] };
    expect(ZFlowNode.safeParse({ ...base, type: "filter", props: group }).success).toBe(false);
  });

  it("requires paths to have at least one branch with a valid key", () => {
    const branch = { key: "vip", label: "VIP", rules: { combinator: "and", rules: [] } };
    expect(
      ZFlowNode.safeParse({ ...base, type: "paths", props: { mode: "first-match", branches: [branch] } }).success,
    ).toBe(true);
    expect(ZFlowNode.safeParse({ ...base, type: "paths", props: { mode: "first-match", branches: [] } }).success).toBe(
      false,
    );
    const badKey = { ...branch, key: "has space" };
    expect(
      ZFlowNode.safeParse({ ...base, type: "paths", props: { mode: "all-match", branches: [badKey] } }).success,
    ).toBe(false);
  });
});
