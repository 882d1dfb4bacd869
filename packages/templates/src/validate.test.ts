import { randomUUID } from "node:crypto";
import { needsConnection, propsSchemaFor } from "@handoff/connectors";
import { isConnectorNode, parseFlowDocument, validateFlow } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { instantiateTemplate } from "./instantiate";
import { readPropPath } from "./prop-path";
import { getTemplate, templates } from "./registry";
import { TEMPLATE_CATEGORIES, type TemplateDefinition } from "./types";

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every role filled with a made-up connection id, as an install would. */
function installed(template: TemplateDefinition) {
  const connections = Object.fromEntries(template.connections.map((role) => [role.role, randomUUID()]));
  return instantiateTemplate(template, { connections });
}

/**
 * The context fields of issue #9, and where each trigger provides them. A template started by
 * this trigger must read every field listed for it somewhere in its steps. Cal.com sends no
 * customer id: the appointment templates carry the CRM/invoicing ids their steps resolve instead.
 */
const CALCOM_CONTEXT: Record<string, RegExp> = {
  "customer id": /steps\.\w+\.(contactId|customerId)/,
  email: /trigger\.customer\.email/,
  phone: /trigger\.customer\.phone/,
  "appointment time": /trigger\.booking\.(start|startLocal)\b/,
  "time zone": /trigger\.booking\.timeZone/,
  "service type": /trigger\.booking\.service/,
  duration: /trigger\.booking\.durationMinutes/,
  "staff owner": /trigger\.booking\.organizer/,
};
const STRIPE_CONTEXT: Record<string, RegExp> = {
  "customer id": /trigger\.invoice\.customerId/,
  email: /trigger\.invoice\.customerEmail/,
  phone: /trigger\.invoice\.customerPhone/,
  "invoice number": /trigger\.invoice\.number/,
  "due date": /trigger\.invoice\.dueDate/,
  tax: /trigger\.invoice\.tax\b/,
  discount: /trigger\.invoice\.discount\b/,
  deposit: /trigger\.invoice\.deposit\b/,
  "payment status": /trigger\.(lifecycle|invoice\.status|invoice\.amountRemaining|invoice\.amountPaid)/,
};
/** HubSpot events carry ids only (names and emails are read with an action). */
const HUBSPOT_CONTEXT: Record<string, RegExp> = { "customer id": /trigger\.(contactId|dealId|objectId)/ };
const CONTEXT_BY_CONNECTOR: Record<string, Record<string, RegExp>> = {
  calcom: CALCOM_CONTEXT,
  stripe: STRIPE_CONTEXT,
  hubspot: HUBSPOT_CONTEXT,
};

describe.each(templates.map((template) => [template.slug, template] as const))("template %s", (_, template) => {
  it("is a flow document that publishes once its connections are filled", () => {
    const parsed = parseFlowDocument(installed(template));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    expect(validateFlow(parsed.document, { connectors: propsSchemaFor, needsConnection })).toEqual([]);
  });

  it("leaves connection ids for the install to fill", () => {
    expect(template.graph.nodes.filter((node) => isConnectorNode(node) && node.connectionId)).toEqual([]);
  });

  it("has a kebab-case slug, a known category, a title, an outcome and plain-language steps", () => {
    expect(template.slug).toMatch(KEBAB_CASE);
    expect(TEMPLATE_CATEGORIES).toContain(template.category);
    expect(template.title.trim()).not.toBe("");
    expect(template.outcome.trim()).not.toBe("");
    expect(template.steps.length).toBeGreaterThan(0);
  });

  it("gives every step that acts as an account exactly one connection role, of its own provider", () => {
    const roles = template.connections.map((role) => role.role);
    expect(new Set(roles).size).toBe(roles.length);
    const roleOf = new Map<string, string>();
    for (const role of template.connections) {
      expect(role.label.trim()).not.toBe("");
      for (const nodeId of role.nodeIds) {
        const node = template.graph.nodes.find((candidate) => candidate.id === nodeId);
        expect(node, `role ${role.role} names node ${nodeId}`).toBeDefined();
        expect(node && isConnectorNode(node) ? node.connector : undefined, `node ${nodeId}`).toBe(role.provider);
        expect(roleOf.has(nodeId), `node ${nodeId} is in two roles`).toBe(false);
        roleOf.set(nodeId, role.role);
      }
    }
    const needing = template.graph.nodes.filter((node) => isConnectorNode(node) && needsConnection(node.connector));
    expect(needing.map((node) => node.id).filter((id) => !roleOf.has(id))).toEqual([]);
  });

  it("maps every field to a prop of one of its nodes, with that prop's value as its default", () => {
    const keys = template.fields.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const field of template.fields) {
      for (const target of [field, ...(field.alsoFills ?? [])]) {
        const node = template.graph.nodes.find((candidate) => candidate.id === target.nodeId);
        expect(node, `field ${field.key} names node ${target.nodeId}`).toBeDefined();
        const value = node ? readPropPath(node.props, target.prop) : undefined;
        expect(value, `field ${field.key}: ${target.nodeId}.${target.prop}`).toBeDefined();
        expect(String(value ?? ""), `default of ${field.key} at ${target.nodeId}.${target.prop}`).toBe(field.default);
      }
      expect(field.label.trim()).not.toBe("");
    }
  });

  it("carries every context field its trigger provides", () => {
    const trigger = template.graph.nodes.find((node) => node.type === "trigger");
    const context = trigger && isConnectorNode(trigger) ? (CONTEXT_BY_CONNECTOR[trigger.connector] ?? {}) : {};
    const steps = JSON.stringify(template.graph.nodes.filter((node) => node.type !== "trigger"));
    const missing = Object.entries(context)
      .filter(([, pattern]) => !pattern.test(steps))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});

describe("template registry", () => {
  it("has unique slugs and finds template 1 by its slug", () => {
    const slugs = templates.map((template) => template.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(getTemplate("booking-to-contact-and-invoice")?.category).toBe("appointments");
    expect(getTemplate("no-such-template")).toBeUndefined();
  });
});

describe("instantiateTemplate", () => {
  const template = getTemplate("booking-to-contact-and-invoice") as TemplateDefinition;
  const connections = { calendar: randomUUID(), crm: randomUUID(), invoicing: randomUUID(), email: randomUUID() };

  it("sets each role's connection on its nodes and writes field values into their props", () => {
    const graph = instantiateTemplate(template, {
      connections,
      fields: { taxRateId: "txr_123", unitAmount: "9000", sender: "Salon <hi@salon.example>" },
    });
    const node = (id: string) => graph.nodes.find((candidate) => candidate.id === id);
    expect(node("booked")).toMatchObject({ connectionId: connections.calendar });
    expect(node("deal")).toMatchObject({ connectionId: connections.crm });
    expect(node("invoice")).toMatchObject({
      connectionId: connections.invoicing,
      props: { defaultTaxRateIds: ["txr_123"], lines: [{ unitAmount: "9000", quantity: 1 }] },
    });
    expect(node("confirm")?.props).toMatchObject({ from: "Salon <hi@salon.example>" });
    // The template itself is untouched: the next install starts from the same defaults.
    expect(JSON.stringify(template.graph)).not.toContain("txr_123");
  });

  it("refuses a missing role rather than leaving a step without its account", () => {
    const { email: _, ...partial } = connections;
    expect(() => instantiateTemplate(template, { connections: partial })).toThrow('no connection for role "email"');
  });
});
