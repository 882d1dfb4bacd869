import type { AppRouter } from "@handoff/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TRPCProvider } from "~/trpc/react";
import { TemplateGallery } from "./template-gallery";
import type { TemplateSummary } from "./types";

// The gallery's first paint at a given URL, from a pre-filled query cache: nothing talks to a server.

const templates: TemplateSummary[] = [
  {
    slug: "booking-to-contact-and-invoice",
    title: "Booking to contact and draft invoice",
    outcome: "Every booked appointment has its customer in the CRM and a draft invoice.",
    category: "appointments",
    providers: [
      { key: "calcom", name: "Cal.com" },
      { key: "stripe", name: "Stripe" },
    ],
  },
  {
    slug: "invoice-overdue-follow-up",
    title: "Overdue invoice follow-up",
    outcome: "A CRM task and a polite reminder for every overdue invoice.",
    category: "invoicing",
    providers: [{ key: "hubspot", name: "HubSpot" }],
  },
];

function renderAt(query: string): string {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/unused", transformer: superjson })],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.templates.list.queryKey(), templates);
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <PathnameContext.Provider value="/templates">
          <SearchParamsContext.Provider value={new URLSearchParams(query)}>
            <TemplateGallery />
          </SearchParamsContext.Provider>
        </PathnameContext.Provider>
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

const cards = (html: string) => [...html.matchAll(/<a href="\/templates\/([a-z-]+)">/g)].map((match) => match[1]);

describe("template gallery", () => {
  it("shows every template as a card with its outcome, category and tools", () => {
    const html = renderAt("");
    expect(cards(html)).toEqual(["booking-to-contact-and-invoice", "invoice-overdue-follow-up"]);
    expect(html).toContain(
      '<h2 id="template-booking-to-contact-and-invoice"><a href="/templates/booking-to-contact-and-invoice">Booking to contact and draft invoice</a></h2>',
    );
    expect(html).toContain("Every booked appointment has its customer in the CRM and a draft invoice.");
    expect(html).toMatch(/<ul class="tg-providers" aria-label="Tools"><li><span class="ho-badge">Cal\.com<\/span>/);
    expect(html).toContain('<span class="ho-badge tg-category">Invoicing</span>');
    expect(html).toContain(">2 templates<");
  });

  it("reads the search and the category from the URL", () => {
    const html = renderAt("q=reminder&category=invoicing");
    expect(cards(html)).toEqual(["invoice-overdue-follow-up"]);
    expect(html).toMatch(/<input id="template-search"[^>]*value="reminder"/);
    expect(html).toMatch(/<option value="invoicing" selected="">Invoicing<\/option>/);
    expect(html).toContain(">1 of 2 templates<");
  });

  it("says so when nothing matches, with a way back to every template", () => {
    const html = renderAt("q=payroll");
    expect(cards(html)).toEqual([]);
    expect(html).toContain("No template matches");
    expect(html).toContain(">Show all templates</button>");
  });
});
