import { describe, expect, it } from "vitest";
import type { TemplateDetail } from "../types";
import { connectionFor, initialInstallValues, installFormProblems, installInput } from "./install-form-state";

const role = (name: string, suggested: string | null) => ({
  role: name,
  provider: { key: name, name: name.toUpperCase() },
  label: `The ${name} account`,
  nodeIds: [name],
  test: suggested ? [{ id: suggested, name: `${name} test`, status: "ok" }] : [],
  live: [],
  suggestedConnectionId: suggested,
});

const template = {
  slug: "booking-to-contact-and-invoice",
  title: "Booking to invoice",
  outcome: "",
  category: "appointments",
  providers: [],
  steps: [],
  graph: { schemaVersion: 2, nodes: [], edges: [] },
  connections: [role("calendar", "cal-test"), role("invoicing", null)],
  fields: [
    { key: "currency", label: "Currency", description: "", nodeId: "invoice", prop: "currency", default: "eur" },
  ],
} as unknown as TemplateDetail;

describe("the Use template form's state", () => {
  it("starts from the defaults, the title and the suggested connections", () => {
    const values = initialInstallValues(template);
    expect(values).toEqual({ chosen: {}, fields: { currency: "eur" }, name: "Booking to invoice" });
    expect(template.connections.map((r) => connectionFor(r, values.chosen))).toEqual(["cal-test", ""]);
  });

  it("keeps a person's pick, even an empty one, over the suggestion", () => {
    const [calendar] = template.connections;
    if (!calendar) throw new Error("no role");
    expect(connectionFor(calendar, { calendar: "cal-live" })).toBe("cal-live");
    expect(connectionFor(calendar, { calendar: "" })).toBe("");
  });

  it("names every role still without a connection, and an empty name", () => {
    const values = { ...initialInstallValues(template), name: "  " };
    expect(installFormProblems(template, values)).toEqual([
      'Choose a INVOICING connection for "The invoicing account"',
      "Give the flow a name",
    ]);
    expect(installFormProblems(template, { ...values, chosen: { invoicing: "stripe-1" }, name: "x" })).toEqual([]);
  });

  it("leaves the name to the server while it is the title, so copies get numbered", () => {
    const values = { ...initialInstallValues(template), chosen: { invoicing: "stripe-1" } };
    expect(installInput(template, values, true)).toEqual({
      slug: "booking-to-contact-and-invoice",
      connections: { calendar: "cal-test", invoicing: "stripe-1" },
      fields: { currency: "eur" },
      publish: true,
    });
    expect(installInput(template, { ...values, name: " Salon bookings " }, false)).toMatchObject({
      name: "Salon bookings",
      publish: false,
    });
  });
});
