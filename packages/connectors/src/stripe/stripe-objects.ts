import type { JsonValue } from "@handoff/connector-sdk";
import { z } from "zod";

/**
 * The fields of Stripe objects this connector reads (API version 2025-09-30.clover). Objects are
 * loose: outputs hand on Stripe's whole object, these only check what the code relies on.
 */

const ZMetadata = z.record(z.string(), z.string()).catch({});

export const ZCustomer = z.looseObject({
  id: z.string().min(1),
  object: z.literal("customer"),
  email: z.string().nullish(),
  name: z.string().nullish(),
  phone: z.string().nullish(),
  metadata: ZMetadata.optional(),
  deleted: z.boolean().optional(),
});
export type StripeCustomer = z.output<typeof ZCustomer>;

export const ZDeletedObject = z.looseObject({ id: z.string(), deleted: z.literal(true) });

export const INVOICE_STATUSES = ["draft", "open", "paid", "uncollectible", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

const ZAmountList = z.array(z.looseObject({ amount: z.number().int() })).catch([]);

export const ZInvoice = z.looseObject({
  id: z.string().min(1),
  object: z.literal("invoice"),
  status: z.enum(INVOICE_STATUSES).nullable(),
  number: z.string().nullish(),
  customer: z.union([z.string(), z.looseObject({ id: z.string() })]).nullable(),
  customer_email: z.string().nullish(),
  customer_name: z.string().nullish(),
  customer_phone: z.string().nullish(),
  collection_method: z.string().nullish(),
  currency: z.string().min(3),
  created: z.number().int(),
  due_date: z.number().int().nullish(),
  subtotal: z.number().int(),
  total: z.number().int(),
  amount_due: z.number().int(),
  amount_paid: z.number().int(),
  amount_remaining: z.number().int(),
  total_taxes: ZAmountList.optional(),
  total_discount_amounts: ZAmountList.optional(),
  hosted_invoice_url: z.string().nullish(),
  invoice_pdf: z.string().nullish(),
  metadata: ZMetadata.optional(),
  status_transitions: z
    .looseObject({
      finalized_at: z.number().int().nullish(),
      paid_at: z.number().int().nullish(),
      voided_at: z.number().int().nullish(),
    })
    .optional(),
  lines: z.looseObject({ data: z.array(z.looseObject({})) }).optional(),
});
export type StripeInvoice = z.output<typeof ZInvoice>;

/** List items stay raw JSON: each is read with its own schema, and kept whole for outputs. */
const ZJsonItem = z.custom<JsonValue>(() => true);

/** `{object:"list", data, has_more}`: cursor paging with `starting_after=<last id>`. */
export const ZList = z.looseObject({ object: z.literal("list"), data: z.array(ZJsonItem), has_more: z.boolean() });

/** `{object:"search_result", data, has_more, next_page}`: paging with `page=<next_page>`. */
export const ZSearchResult = z.looseObject({
  data: z.array(ZJsonItem),
  has_more: z.boolean(),
  next_page: z.string().nullish(),
});

export function customerIdOf(invoice: StripeInvoice): string | null {
  const { customer } = invoice;
  if (customer === null) return null;
  return typeof customer === "string" ? customer : customer.id;
}

/** Unix seconds → ISO 8601 in UTC; Stripe keeps no time zone on invoices. */
export function isoFromUnix(seconds: number | null | undefined): string | null {
  return seconds === null || seconds === undefined ? null : new Date(seconds * 1000).toISOString();
}

/** Where create-draft-invoice keeps the business key (e.g. a booking uid) it de-duplicates on. */
export const DEDUPE_KEY_METADATA = "handoff_dedupe_key";
/** The deposit expected before the appointment, in minor units: Stripe invoices have no deposit field. */
export const DEPOSIT_METADATA = "deposit_amount";
/** Which step made a payment record, so a retried step recognises its own earlier payment. */
export const IDEMPOTENCY_METADATA = "handoff_idempotency_key";
