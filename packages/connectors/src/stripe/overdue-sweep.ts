import type { WebhookDeriveContext } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient, readStripe } from "./client";
import { parseInvoiceEvent, type StripeInvoiceEvent } from "./invoice-event";

const PAGE_LIMIT = 100;
/** A sweep looks at this many overdue invoices at most; the next sweep continues. */
const MAX_PAGES = 10;

const ZInvoicePage = z.object({
  data: z.array(z.looseObject({ id: z.string() })),
  has_more: z.boolean(),
});

/**
 * Open invoices whose due date has passed, each as the `invoice.overdue` event Stripe would
 * have sent (same shape, so flows and their data picker see no difference).
 */
export async function deriveOverdueEvents(ctx: WebhookDeriveContext<unknown>): Promise<StripeInvoiceEvent[]> {
  const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
  const now = Math.floor(ctx.now.getTime() / 1000);
  const events: StripeInvoiceEvent[] = [];
  let startingAfter: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await client.request({
      method: "GET",
      path: "/v1/invoices",
      query: { status: "open", "due_date[lt]": now, limit: PAGE_LIMIT, starting_after: startingAfter },
    });
    const list = readStripe(ZInvoicePage, response.body, "the overdue invoices");
    for (const invoice of list.data) {
      const event = {
        id: `evt_derived_overdue_${invoice.id}`,
        object: "event",
        type: "invoice.overdue",
        created: now,
        data: { object: invoice },
        livemode: false,
        derived: true,
      };
      const parsed = parseInvoiceEvent(Buffer.from(JSON.stringify(event)), "overdue");
      if (parsed.ok) events.push(parsed.payload);
      else ctx.log("skipped an invoice Stripe listed as overdue", { invoiceId: invoice.id, reason: parsed.error });
    }
    const last = list.data.at(-1);
    if (!list.has_more || !last) break;
    startingAfter = last.id;
  }
  return events;
}
