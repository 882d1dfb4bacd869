import type { HttpClient } from "@handoff/connector-sdk";
import { readStripe } from "./client";
import { type FetchedInvoice, readInvoice } from "./invoices";
import { DEDUPE_KEY_METADATA, ZList } from "./stripe-objects";

const PAGE_LIMIT = 100;
/** 2,000 invoices for one customer is far beyond a small business's; past that we stop rather than crawl. */
const MAX_PAGES = 20;

/**
 * The customer's invoice already made for this business key (a booking uid), void ones aside:
 * a replayed run (new run, new idempotency key) finds it instead of invoicing twice. Listing is
 * strongly consistent, unlike `/v1/invoices/search`, so an invoice made a second ago is found.
 */
export async function findInvoiceByDedupeKey(
  client: HttpClient,
  customerId: string,
  dedupeKey: string,
): Promise<FetchedInvoice | undefined> {
  let startingAfter: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await client.request({
      method: "GET",
      path: "/v1/invoices",
      query: { customer: customerId, limit: PAGE_LIMIT, starting_after: startingAfter },
    });
    const list = readStripe(ZList, response.body, "the customer's invoices");
    const invoices = list.data.map((item) => readInvoice(item, "an invoice in the list"));
    const found = invoices.find(
      ({ invoice }) => invoice.status !== "void" && invoice.metadata?.[DEDUPE_KEY_METADATA] === dedupeKey,
    );
    if (found) return found;
    const last = invoices.at(-1);
    if (!list.has_more || !last) return undefined;
    startingAfter = last.invoice.id;
  }
  return undefined;
}
