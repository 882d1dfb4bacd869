import { z } from "zod";
import type { FlowDocument } from "../schema/document";
import type { FlowNode } from "../schema/node";
import type { ConnectorSchemaLookup } from "../validation/props";

// Test-only fixtures: a realistic "deal won → invoice or thank-you" flow and the connector
// schemas it uses. Not exported from the package.

const CONNECTOR_SCHEMAS: Record<string, z.ZodType> = {
  "trigger:crm:deal_won": z.object({ pipeline: z.string().min(1) }),
  "action:crm:find_contact": z.object({ email: z.email() }),
  "action:invoicing:create_invoice": z.object({
    customer: z.string().min(1),
    amount: z.number().positive(),
    lines: z.array(z.object({ description: z.string(), quantity: z.number().int() })).optional(),
  }),
  "action:messaging:send_email": z.object({ to: z.email(), subject: z.string().min(1), body: z.string().optional() }),
};

export const testConnectors: ConnectorSchemaLookup = (connector, operation, kind) =>
  CONNECTOR_SCHEMAS[`${kind}:${connector}:${operation}`];

export function sampleFlow(): FlowDocument {
  return {
    schemaVersion: 2,
    nodes: [
      {
        id: "deal_won",
        type: "trigger",
        connector: "crm",
        operation: "deal_won",
        props: { pipeline: "sales" },
        label: "Deal won",
        position: { x: 0, y: 0 },
      },
      {
        id: "find_contact",
        type: "action",
        connector: "crm",
        operation: "find_contact",
        props: { email: "{{ trigger.contact.email }}" },
        label: "Find contact",
        position: { x: 0, y: 100 },
      },
      {
        id: "is_big",
        type: "condition",
        props: { combinator: "and", rules: [{ field: "trigger.amount", operator: "greater_than", value: 1000 }] },
        label: "Big deal?",
        position: { x: 0, y: 200 },
      },
      {
        id: "create_invoice",
        type: "action",
        connector: "invoicing",
        operation: "create_invoice",
        props: { customer: "{{ steps.find_contact.id }}", amount: "{{ trigger.amount }}" },
        label: "Create invoice",
        position: { x: -100, y: 300 },
      },
      {
        id: "send_thanks",
        type: "action",
        connector: "messaging",
        operation: "send_email",
        props: { to: "{{ trigger.contact.email }}", subject: "Thanks {{ trigger.contact.name }}!" },
        label: "Send thanks",
        position: { x: 100, y: 300 },
      },
    ],
    edges: [
      { id: "e1", source: "deal_won", sourceHandle: null, target: "find_contact" },
      { id: "e2", source: "find_contact", sourceHandle: "out", target: "is_big" },
      { id: "e3", source: "is_big", sourceHandle: "true", target: "create_invoice" },
      { id: "e4", source: "is_big", sourceHandle: "false", target: "send_thanks" },
    ],
    vars: { company: "Acme Plumbing" },
    settings: { timeZone: "Europe/Paris", retry: { maxAttempts: 3, backoffBaseMs: 1000 } },
  };
}

export function actionNode(id: string, props: Record<string, string> = { to: "a@b.co", subject: "Hi" }): FlowNode {
  return {
    id,
    type: "action",
    connector: "messaging",
    operation: "send_email",
    props,
    label: `Action ${id}`,
    position: { x: 0, y: 0 },
  };
}

export function nodeById(doc: FlowDocument, id: string): FlowNode {
  const node = doc.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`fixture has no node ${id}`);
  return node;
}

/** Freezes a value recursively so a test fails loudly if anything mutates it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
