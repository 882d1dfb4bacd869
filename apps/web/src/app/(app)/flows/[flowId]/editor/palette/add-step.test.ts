import { applyOperations, type FlowDocument, type TriggerNode } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import type { EditorCatalog } from "../editor-contract";
import { planAddStep, planReplaceTrigger } from "./add-step";
import { type ConnectorPaletteItem, type PaletteItem, paletteItems, searchItems } from "./palette-items";

const operation = (key: string, name: string) => ({ key, name, description: `${name}.`, form: {}, optionProps: [] });

const catalog: EditorCatalog = [
  {
    key: "calcom",
    name: "Cal.com",
    category: "calendar",
    needsConnection: true,
    triggers: [{ ...operation("booking-created", "Booking created"), kind: "webhook" }],
    actions: [operation("get-booking", "Get booking")],
  },
  {
    key: "hubspot",
    name: "HubSpot",
    category: "crm",
    needsConnection: true,
    triggers: [{ ...operation("contact-created", "Contact created"), kind: "webhook" }],
    actions: [operation("find-or-create-contact", "Find or create contact")],
  },
  {
    key: "stripe",
    name: "Stripe",
    category: "invoicing",
    needsConnection: true,
    triggers: [],
    actions: [operation("create-draft-invoice", "Create draft invoice")],
  },
];

const items = paletteItems(catalog);
const item = (name: string): PaletteItem => {
  const found = items.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No palette item ${name}`);
  return found;
};

const EMPTY: FlowDocument = { schemaVersion: 2, nodes: [], edges: [] };

/** Clicks palette items in order, as the office manager does; each new step is then selected. */
function click(names: string[], start: FlowDocument = EMPTY, selected: string | null = null) {
  let draft = start;
  let selection = selected;
  for (const name of names) {
    const planned = planAddStep(draft, item(name), selection);
    const applied = applyOperations(draft, planned.operations);
    if (!applied.ok) throw new Error(applied.error.message);
    draft = applied.graph;
    selection = planned.nodeId;
  }
  return { draft, selection };
}

describe("paletteItems", () => {
  it("offers every trigger and action by its connector's category, and the logic steps", () => {
    expect(item("Booking created")).toMatchObject({ kind: "trigger", group: "calendar", connectorName: "Cal.com" });
    expect(item("Find or create contact")).toMatchObject({ kind: "action", group: "crm" });
    expect(items.filter((candidate) => candidate.group === "logic").map((candidate) => candidate.name)).toEqual([
      "Condition",
      "Paths",
      "Filter",
      "Delay",
      "Loop",
    ]);
  });

  it("searches names, apps and descriptions", () => {
    expect(searchItems(items, "invoice").map((candidate) => candidate.name)).toEqual(["Create draft invoice"]);
    expect(searchItems(items, "hubspot contact").map((candidate) => candidate.name)).toEqual([
      "Contact created",
      "Find or create contact",
    ]);
    expect(searchItems(items, "  ")).toHaveLength(items.length);
    expect(searchItems(items, "nothing like this")).toEqual([]);
  });
});

describe("planAddStep", () => {
  it("builds booking → condition → contact → invoice by clicks, wired through the condition's true handle", () => {
    const { draft, selection } = click([
      "Booking created",
      "Condition",
      "Find or create contact",
      "Create draft invoice",
    ]);
    expect(draft.nodes.map((node) => node.id)).toEqual([
      "booking_created",
      "condition",
      "find_or_create_contact",
      "create_draft_invoice",
    ]);
    expect(draft.edges.map((edge) => [edge.source, edge.sourceHandle, edge.target])).toEqual([
      ["booking_created", null, "condition"],
      ["condition", "true", "find_or_create_contact"],
      ["find_or_create_contact", null, "create_draft_invoice"],
    ]);
    expect(draft.nodes.map((node) => node.label)).toEqual([
      "Booking created",
      "Condition",
      "Find or create contact",
      "Create draft invoice",
    ]);
    expect(selection).toBe("create_draft_invoice");
    const ys = draft.nodes.map((node) => node.position.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it("uses the next free handle, and places the new branch beside the first", () => {
    const built = click(["Booking created", "Condition", "Find or create contact"]);
    const { draft } = click(["Create draft invoice"], built.draft, "condition");
    const invoice = draft.edges.find((edge) => edge.target === "create_draft_invoice");
    expect(invoice).toMatchObject({ source: "condition", sourceHandle: "false" });
    const [contact, created] = ["find_or_create_contact", "create_draft_invoice"].map(
      (id) => draft.nodes.find((node) => node.id === id)?.position,
    );
    expect(contact?.y).toBe(created?.y);
    expect(contact?.x).not.toBe(created?.x);
  });

  it("adds without an edge when the selected node has no free handle, or nothing is selected", () => {
    const built = click(["Booking created", "Find or create contact"]);
    const planned = planAddStep(built.draft, item("Find or create contact"), "booking_created");
    expect(planned.nodeId).toBe("find_or_create_contact_2");
    expect(planned.operations.map((op) => op.type)).toEqual(["add_node"]);
    expect(planAddStep(built.draft, item("Delay"), null).operations.map((op) => op.type)).toEqual(["add_node"]);
  });

  it("never stacks a node on another", () => {
    const built = click(["Booking created", "Find or create contact"]);
    const planned = planAddStep(built.draft, item("Delay"), null);
    const applied = applyOperations(built.draft, planned.operations);
    if (!applied.ok) throw new Error(applied.error.message);
    const positions = applied.graph.nodes.map((node) => `${node.position.x},${node.position.y}`);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("adds every logic step with props its schema accepts", () => {
    const { draft } = click(["Booking created", "Condition", "Paths", "Filter", "Delay", "Loop"]);
    expect(draft.nodes.map((node) => node.type)).toEqual(["trigger", "condition", "paths", "filter", "delay", "loop"]);
  });

  it("puts a re-added trigger back in front of the steps", () => {
    const { draft } = click(["Find or create contact", "Create draft invoice", "Booking created"]);
    expect(draft.edges.at(-1)).toMatchObject({ source: "booking_created", target: "find_or_create_contact" });
    const trigger = draft.nodes.find((node) => node.type === "trigger");
    expect(trigger?.position.y).toBeLessThan(0);
  });
});

describe("planReplaceTrigger", () => {
  const trigger: TriggerNode = {
    id: "booking_created",
    type: "trigger",
    connector: "calcom",
    operation: "booking-created",
    connectionId: "2f6b3c1e-8a4d-4e0b-9b7a-1c2d3e4f5a6b",
    props: {},
    label: "Booking created",
    position: { x: 0, y: 0 },
  };
  const contactCreated = item("Contact created") as ConnectorPaletteItem;

  it("switches the event, clears another app's connection and renames a default label", () => {
    expect(planReplaceTrigger(trigger, contactCreated, "Booking created")).toEqual([
      { type: "set_operation", nodeId: "booking_created", connector: "hubspot", operation: "contact-created" },
      { type: "set_connection", nodeId: "booking_created", connectionId: null },
      { type: "rename", nodeId: "booking_created", label: "Contact created" },
    ]);
  });

  it("keeps a label the person chose", () => {
    const named = { ...trigger, label: "New client booked" };
    expect(planReplaceTrigger(named, contactCreated, "Booking created").map((op) => op.type)).toEqual([
      "set_operation",
      "set_connection",
    ]);
  });
});
