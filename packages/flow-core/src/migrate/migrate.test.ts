import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleFlow } from "../testing/sample-flow";
import { migrateFlowDocument, parseFlowDocument } from "./migrate";

const v1Document = {
  schemaVersion: 1,
  timezone: "Europe/Paris",
  steps: [
    {
      id: "t",
      kind: "trigger",
      app: "crm",
      action: "deal_won",
      name: "Deal won",
      x: 0,
      y: 0,
      input: { pipeline: "sales" },
    },
    {
      id: "big",
      kind: "condition",
      name: "Big?",
      x: 0,
      y: 100,
      input: {
        match: "any",
        rules: [
          { field: "trigger.amount", op: "gt", value: 1000 },
          { field: "trigger.vip", op: "exists" },
        ],
      },
    },
    { id: "wait", kind: "delay", name: "Wait", x: 0, y: 200, input: { minutes: 30 } },
    {
      id: "mail",
      kind: "action",
      app: "messaging",
      action: "send_email",
      name: "Mail",
      x: 0,
      y: 300,
      input: { to: "{{ trigger.email }}" },
    },
  ],
  links: [
    { from: "t", to: "big" },
    { from: "big", to: "wait", branch: "yes" },
    { from: "big", to: "mail", branch: "no" },
  ],
};

describe("migrateFlowDocument", () => {
  it("turns a v1 document into the v2 shape", () => {
    const result = migrateFlowDocument(v1Document);
    expect(result).toMatchObject({ ok: true, fromVersion: 1 });
    if (!result.ok) return;
    expect(result.document).toEqual({
      schemaVersion: 2,
      nodes: [
        {
          id: "t",
          type: "trigger",
          label: "Deal won",
          position: { x: 0, y: 0 },
          connector: "crm",
          operation: "deal_won",
          props: { pipeline: "sales" },
        },
        {
          id: "big",
          type: "condition",
          label: "Big?",
          position: { x: 0, y: 100 },
          props: {
            combinator: "or",
            rules: [
              { field: "trigger.amount", operator: "greater_than", value: 1000 },
              { field: "trigger.vip", operator: "exists" },
            ],
          },
        },
        {
          id: "wait",
          type: "delay",
          label: "Wait",
          position: { x: 0, y: 200 },
          props: { mode: "duration", amount: 30, unit: "minutes" },
        },
        {
          id: "mail",
          type: "action",
          label: "Mail",
          position: { x: 0, y: 300 },
          connector: "messaging",
          operation: "send_email",
          props: { to: "{{ trigger.email }}" },
        },
      ],
      edges: [
        { id: "e1", source: "t", sourceHandle: null, target: "big" },
        { id: "e2", source: "big", sourceHandle: "true", target: "wait" },
        { id: "e3", source: "big", sourceHandle: "false", target: "mail" },
      ],
      settings: { timeZone: "Europe/Paris" },
    });
  });

  it("passes a current document through untouched", () => {
    const doc = sampleFlow();
    expect(migrateFlowDocument(doc)).toEqual({ ok: true, document: doc, fromVersion: 2 });
  });

  it("explains why it cannot migrate", () => {
    expect(migrateFlowDocument([])).toMatchObject({ ok: false, code: "not_an_object" });
    expect(migrateFlowDocument({ nodes: [] })).toMatchObject({ ok: false, code: "missing_version" });
    expect(migrateFlowDocument({ schemaVersion: 99 })).toMatchObject({ ok: false, code: "unsupported_version" });
    const broken = migrateFlowDocument({ schemaVersion: 1, steps: "nope", links: [] });
    expect(broken).toMatchObject({ ok: false, code: "invalid_old_version", issues: [{ path: "steps" }] });
  });
});

describe("parseFlowDocument", () => {
  it("migrates and validates in one go, reporting where it came from", () => {
    const result = parseFlowDocument(v1Document);
    expect(result.ok && result.migratedFrom).toBe(1);
    expect(result.ok && result.document.nodes.map((node) => node.type)).toEqual([
      "trigger",
      "condition",
      "delay",
      "action",
    ]);
    const current = parseFlowDocument(sampleFlow());
    expect(current.ok && current.migratedFrom).toBeNull();
  });

  it("reports schema issues with document paths", () => {
    const doc = sampleFlow();
    const broken = { ...doc, nodes: [doc.nodes[0], { ...doc.nodes[2], props: { combinator: "xor", rules: [] } }] };
    const result = parseFlowDocument(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toContain("nodes[1].props.combinator");
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseFlowDocument(input);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
    const hostile = {
      get schemaVersion(): number {
        throw new Error("gotcha");
      },
    };
    expect(parseFlowDocument(hostile)).toEqual({ ok: false, issues: [{ path: "", message: "gotcha" }] });
    const hostileNodes = {
      schemaVersion: 2,
      edges: [],
      get nodes(): unknown[] {
        throw new Error("nodes gotcha");
      },
    };
    expect(parseFlowDocument(hostileNodes)).toMatchObject({ ok: false, issues: [{ message: "nodes gotcha" }] });
  });
});
