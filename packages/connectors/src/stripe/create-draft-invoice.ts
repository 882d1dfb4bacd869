import { type ActionContext, defineAction, type HttpClient } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient, stripePath } from "./client";
import { findInvoiceByDedupeKey } from "./invoice-dedupe";
import {
  type FetchedInvoice,
  type InvoiceOutput,
  readInvoice,
  SAMPLE_INVOICE_OUTPUT,
  toInvoiceOutput,
} from "./invoices";
import { couponOptions, taxRateOptions } from "./options";
import {
  optionalText,
  ZCurrency,
  ZIdList,
  ZMetadata,
  ZMinorAmount,
  ZOptionalWholeNumber,
  ZPositiveMinorAmount,
  ZStripeId,
} from "./props";
import { DEDUPE_KEY_METADATA, DEPOSIT_METADATA, IDEMPOTENCY_METADATA } from "./stripe-objects";

const DEFAULT_DAYS_UNTIL_DUE = 14;

export const ZInvoiceLine = z.object({
  description: z.string().trim().min(1, "each line needs a description (the service)"),
  quantity: ZOptionalWholeNumber.refine((value) => value === undefined || value >= 1, "quantity is at least 1")
    .transform((value) => value ?? 1)
    .describe("Defaults to 1"),
  unitAmount: ZMinorAmount.refine(
    (value) => value >= 0,
    "unitAmount cannot be negative; use a coupon for discounts",
  ).describe("Price of one unit in cents, before tax: 85.00 EUR is 8500"),
  taxRateIds: ZIdList.describe("Tax rates for this line (txr_…); replace the invoice's default ones"),
});

export const ZCreateDraftInvoiceProps = z
  .object({
    customerId: ZStripeId("cus_", "customerId").describe(
      "The Stripe customer (cus_…), e.g. from find-or-create-customer",
    ),
    currency: ZCurrency.describe("Three-letter ISO code; eur by default"),
    collectionMethod: z
      .enum(["send_invoice", "charge_automatically"])
      .default("send_invoice")
      .describe("send_invoice e-mails an invoice to pay; charge_automatically charges the saved card"),
    daysUntilDue: ZOptionalWholeNumber.describe(`For send_invoice; ${DEFAULT_DAYS_UNTIL_DUE} days when no due date`),
    dueDate: optionalText
      .refine((value) => value === undefined || !Number.isNaN(Date.parse(value)), "dueDate must be an ISO 8601 date")
      .describe("For send_invoice, instead of daysUntilDue: ISO 8601 date or date-time"),
    lines: z.array(ZInvoiceLine).min(1, "an invoice needs at least one line"),
    defaultTaxRateIds: ZIdList.describe("Tax rates for every line without its own (txr_…)"),
    couponId: optionalText.describe("A coupon applied to the whole invoice (the discount)"),
    deposit: z
      .preprocess((value) => (value === "" || value === null ? undefined : value), ZPositiveMinorAmount.optional())
      .describe(
        "Deposit expected before the service, in cents. Stripe invoices have no deposit field: it is kept in the " +
          "invoice's metadata (deposit_amount) and returned; record the money with record-partial-payment",
      ),
    description: optionalText.describe("Shown on the invoice (memo)"),
    metadata: ZMetadata,
    dedupeKey: optionalText.describe(
      "A business key such as the booking uid: a replayed run finds this customer's invoice with the same key " +
        "instead of creating a second one",
    ),
  })
  .refine((props) => props.daysUntilDue === undefined || props.dueDate === undefined, {
    message: "give daysUntilDue or dueDate, not both",
    path: ["dueDate"],
  })
  .refine(
    (props) =>
      props.collectionMethod === "send_invoice" || (props.daysUntilDue === undefined && props.dueDate === undefined),
    { message: "a due date only applies to send_invoice invoices", path: ["collectionMethod"] },
  );

export type CreateDraftInvoiceProps = z.output<typeof ZCreateDraftInvoiceProps>;

export type CreateDraftInvoiceOutput = InvoiceOutput & { created: boolean };

function dueTerms(props: CreateDraftInvoiceProps): Record<string, number> {
  if (props.collectionMethod !== "send_invoice") return {};
  if (props.dueDate !== undefined) return { due_date: Math.floor(Date.parse(props.dueDate) / 1000) };
  return { days_until_due: props.daysUntilDue ?? DEFAULT_DAYS_UNTIL_DUE };
}

/**
 * The draft, with `auto_advance=false` (Handoff decides when it is finalized and sent) and
 * `pending_invoice_items_behavior=exclude` (stray pending items of the customer stay out of it).
 */
function invoiceForm(ctx: ActionContext<CreateDraftInvoiceProps>): Record<string, unknown> {
  const { props } = ctx;
  const metadata: Record<string, string> = {
    ...props.metadata,
    [IDEMPOTENCY_METADATA]: ctx.idempotencyKey,
    ...(props.dedupeKey ? { [DEDUPE_KEY_METADATA]: props.dedupeKey } : {}),
    ...(props.deposit ? { [DEPOSIT_METADATA]: String(props.deposit) } : {}),
  };
  return {
    customer: props.customerId,
    currency: props.currency,
    collection_method: props.collectionMethod,
    ...dueTerms(props),
    auto_advance: false,
    pending_invoice_items_behavior: "exclude",
    ...(props.defaultTaxRateIds?.length ? { default_tax_rates: props.defaultTaxRateIds } : {}),
    ...(props.couponId ? { discounts: [{ coupon: props.couponId }] } : {}),
    ...(props.description ? { description: props.description } : {}),
    metadata,
  };
}

/** All lines in one `add_lines` call, so the invoice never holds half of them. */
async function addLines(
  client: HttpClient,
  ctx: ActionContext<CreateDraftInvoiceProps>,
  invoiceId: string,
): Promise<FetchedInvoice> {
  const lines = ctx.props.lines.map((line) => ({
    description: line.description,
    quantity: line.quantity,
    price_data: {
      currency: ctx.props.currency,
      unit_amount: line.unitAmount,
      product_data: { name: line.description },
    },
    ...(line.taxRateIds?.length ? { tax_rates: line.taxRateIds } : {}),
  }));
  const response = await client.request({
    method: "POST",
    path: stripePath("/v1/invoices/{id}/add_lines", invoiceId),
    form: { lines },
    idempotencyKey: `${ctx.idempotencyKey}:add-lines`,
  });
  return readInvoice(response.body, "the invoice lines");
}

const hasNoLines = ({ invoice }: FetchedInvoice) =>
  invoice.status === "draft" && (invoice.lines?.data.length ?? 0) === 0;

export const createDraftInvoiceAction = defineAction({
  key: "create-draft-invoice",
  name: "Create draft invoice",
  description:
    "Creates a draft Stripe invoice for a customer with its lines, tax rates and coupon, ready to finalize and send. " +
    "With a dedupe key (the booking uid), a replayed run returns the invoice already made instead of a second one.",
  props: ZCreateDraftInvoiceProps,
  // It creates an invoice; retries replay Stripe's first answer (Idempotency-Key), replays find it by dedupeKey.
  sideEffect: true,
  options: { defaultTaxRateIds: taxRateOptions, couponId: couponOptions },
  sampleOutput: {
    ...SAMPLE_INVOICE_OUTPUT,
    status: "draft",
    number: null,
    hostedInvoiceUrl: null,
    invoicePdf: null,
    created: true,
  },
  async run(ctx): Promise<CreateDraftInvoiceOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { customerId, dedupeKey } = ctx.props;
    const existing = dedupeKey ? await findInvoiceByDedupeKey(client, customerId, dedupeKey) : undefined;
    if (existing) {
      const createdHere = existing.invoice.metadata?.[IDEMPOTENCY_METADATA] === ctx.idempotencyKey;
      // A run that died between creating the draft and adding its lines left it empty: finish it.
      const invoice = hasNoLines(existing) ? await addLines(client, ctx, existing.invoice.id) : existing;
      ctx.log("Stripe invoice already exists for this dedupe key", { invoiceId: invoice.invoice.id, dedupeKey });
      return { ...toInvoiceOutput(invoice), created: createdHere };
    }
    const response = await client.request({
      method: "POST",
      path: "/v1/invoices",
      form: invoiceForm(ctx),
      idempotencyKey: `${ctx.idempotencyKey}:create-invoice`,
    });
    const draft = readInvoice(response.body, "the invoice create");
    const invoice = await addLines(client, ctx, draft.invoice.id).catch((error: unknown) => {
      // Kept rather than deleted: a retry (same key) or a replay (same dedupe key) fills this draft.
      ctx.log("Stripe refused the invoice lines; the draft stays empty until the step is retried", {
        invoiceId: draft.invoice.id,
      });
      throw error;
    });
    ctx.log("Stripe draft invoice created", { invoiceId: invoice.invoice.id, total: invoice.invoice.total });
    return { ...toInvoiceOutput(invoice), created: true };
  },
});
