import type { AppRouter } from "@handoff/api";
import { CURRENT_SCHEMA_VERSION } from "@handoff/flow-core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TRPCProvider } from "~/trpc/react";
import type { TemplateDetail } from "../types";
import { InstallForm } from "./install-form";
import { TemplateDetailView } from "./template-detail";

// The first paint of the template page and its "Use template" form from a pre-filled query cache:
// nothing here talks to a server.

const SLUG = "booking-to-contact-and-invoice";

const template: TemplateDetail = {
  slug: SLUG,
  title: "Booking to contact and draft invoice",
  outcome: "Every booked appointment has its customer in the CRM and a draft invoice.",
  category: "appointments",
  providers: [
    { key: "calcom", name: "Cal.com" },
    { key: "stripe", name: "Stripe" },
  ],
  steps: ["When a customer books an appointment in Cal.com,", "create a draft invoice for the booked service."],
  graph: {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    nodes: [
      {
        id: "booked",
        type: "trigger",
        connector: "calcom",
        operation: "booking-created",
        props: {},
        label: "Appointment booked",
        position: { x: 0, y: 0 },
      },
      {
        id: "invoice",
        type: "action",
        connector: "stripe",
        operation: "create-draft-invoice",
        props: { currency: "eur" },
        label: "Draft invoice",
        position: { x: 0, y: 140 },
      },
    ],
    edges: [{ id: "e1", source: "booked", sourceHandle: null, target: "invoice" }],
  },
  connections: [
    {
      role: "calendar",
      provider: { key: "calcom", name: "Cal.com" },
      label: "Cal.com account the bookings come from",
      nodeIds: ["booked"],
      test: [{ id: "cal-test", name: "Cal.com sandbox", status: "ok" }],
      live: [{ id: "cal-live", name: "Cal.com", status: "reconnect_needed" }],
      suggestedConnectionId: "cal-test",
    },
    {
      role: "invoicing",
      provider: { key: "stripe", name: "Stripe" },
      label: "Stripe account that invoices",
      nodeIds: ["invoice"],
      test: [],
      live: [],
      suggestedConnectionId: null,
    },
  ],
  fields: [
    {
      key: "currency",
      label: "Currency",
      description: "Three-letter code.",
      nodeId: "invoice",
      prop: "currency",
      default: "{{ trigger.booking.currency }}",
    },
  ],
};

// The form navigates with Next's router; on a first paint nothing navigates.
const router: AppRouterInstance = {
  back: () => {},
  forward: () => {},
  refresh: () => {},
  push: () => {},
  replace: () => {},
  prefetch: () => {},
  bfcacheId: "render-test",
};

function render(node: ReactNode): string {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/unused", transformer: superjson })],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.templates.get.queryKey({ slug: SLUG }), template);
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <AppRouterContext.Provider value={router}>{node}</AppRouterContext.Provider>
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

/** The page's text with tags removed, for readable assertions. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("template page", () => {
  it("shows the outcome, the steps in plain words, the tools and the flow on the canvas", () => {
    const html = render(<TemplateDetailView slug={SLUG} />);
    expect(html).toMatch(/<h1>Booking to contact and draft invoice<\/h1>/);
    expect(text(html)).toContain("Every booked appointment has its customer in the CRM");
    expect(html).toMatch(/<ol class="tp-steps"><li>When a customer books an appointment in Cal.com,<\/li>/);
    expect(html).toMatch(/<ul class="tg-providers" aria-label="Tools">.*Cal\.com.*Stripe.*<\/ul>/);
    expect(html).toContain('aria-label="Flow canvas"');
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>Use template<\/button>/);
    // The form appears only when asked for.
    expect(html).not.toContain("Create and publish");
  });
});

describe("Use template form", () => {
  const html = render(<InstallForm template={template} headingId="use-heading" />);

  it("offers each role's connections, test and live apart, the test one chosen", () => {
    expect(html).toContain('<label for="connection-calendar">Cal.com account the bookings come from</label>');
    const calendar = html.match(/<select id="connection-calendar"[\s\S]*?<\/select>/)?.[0] ?? "";
    expect(calendar).toMatch(/<optgroup label="Test"><option value="cal-test" selected="">Cal.com sandbox<\/option>/);
    expect(calendar).toContain('<optgroup label="Live"><option value="cal-live">Cal.com (reconnect needed)</option>');
    expect(calendar).not.toContain("aria-invalid");
  });

  it("says when a tool has no connection yet and links to adding one in a new tab", () => {
    const stripe = html.match(/<select id="connection-invoicing"[\s\S]*?<\/select>/)?.[0] ?? "";
    expect(stripe).toContain('aria-invalid="true"');
    expect(stripe).toMatch(/<option value="" selected="">No Stripe connection yet<\/option>/);
    expect(html).toMatch(
      /<a href="\/connections" target="_blank" rel="noopener noreferrer">Add a Stripe connection<\/a>/,
    );
  });

  it("prefills the field mapping and the flow name, and offers both ways to create", () => {
    expect(html).toContain('<label for="template-field-currency">Currency</label>');
    expect(html).toMatch(/<input id="template-field-currency"[^>]*value="\{\{ trigger\.booking\.currency \}\}"/);
    expect(html).toMatch(/<input[^>]*id="template-flow-name"[^>]*value="Booking to contact and draft invoice"/);
    expect(html).toMatch(/<button type="submit" value="draft"[^>]*>Create draft<\/button>/);
    expect(html).toMatch(/<button type="submit" value="publish"[^>]*>Create and publish<\/button>/);
    expect(html).toMatch(/<form[^>]*aria-labelledby="use-heading"/);
  });
});
