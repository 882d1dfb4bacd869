import { describe, expect, it } from "vitest";
import { filterFromSearchParams, filterTemplates, searchParamsFromFilter } from "./gallery-filter";
import type { TemplateSummary } from "./types";

const booking: TemplateSummary = {
  slug: "booking-to-contact-and-invoice",
  title: "Booking → contact and draft invoice",
  outcome: "Every booking becomes a CRM contact and a draft invoice.",
  category: "appointments",
  providers: [
    { key: "calcom", name: "Cal.com" },
    { key: "stripe", name: "Stripe" },
  ],
};
const overdue: TemplateSummary = {
  slug: "invoice-overdue-follow-up",
  title: "Overdue invoice follow-up",
  outcome: "A CRM task and a polite reminder for every overdue invoice.",
  category: "invoicing",
  providers: [{ key: "hubspot", name: "HubSpot" }],
};

describe("gallery filter", () => {
  it("keeps templates whose title, outcome or tools hold every word, in any case and order", () => {
    const all = [booking, overdue];
    expect(filterTemplates(all, { query: "", category: null })).toEqual(all);
    expect(filterTemplates(all, { query: "  STRIPE   booking ", category: null })).toEqual([booking]);
    expect(filterTemplates(all, { query: "reminder hubspot", category: null })).toEqual([overdue]);
    expect(filterTemplates(all, { query: "invoice", category: null })).toEqual(all);
    expect(filterTemplates(all, { query: "invoice", category: "invoicing" })).toEqual([overdue]);
    expect(filterTemplates(all, { query: "payroll", category: null })).toEqual([]);
  });

  it("round-trips through the URL and ignores an unknown category", () => {
    const filter = { query: "booking", category: "crm" as const };
    expect(searchParamsFromFilter(filter)).toBe("q=booking&category=crm");
    expect(filterFromSearchParams(new URLSearchParams(searchParamsFromFilter(filter)))).toEqual(filter);
    expect(searchParamsFromFilter({ query: "  ", category: null })).toBe("");
    expect(filterFromSearchParams(new URLSearchParams("category=payroll"))).toEqual({ query: "", category: null });
  });
});
