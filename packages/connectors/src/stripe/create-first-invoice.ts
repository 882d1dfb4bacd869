import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import {
  type CreateDraftInvoiceOutput,
  createDraftInvoiceAction,
  ZCreateDraftInvoiceProps,
} from "./create-draft-invoice";
import { type DepositAsked, depositAmountOf, depositLine, depositMemo, ZDeposit } from "./deposit";
import { SAMPLE_INVOICE_OUTPUT } from "./invoices";
import { couponOptions, taxRateOptions } from "./options";
import {
  optionalText,
  ZCurrency,
  ZIdList,
  ZMetadata,
  ZOptionalWholeNumber,
  ZPositiveMinorAmount,
  ZStripeId,
} from "./props";

/** Why this invoice exists, in its metadata: the next flow (a payment, a reminder) can tell them apart. */
export const INVOICE_KIND_METADATA = "handoff_invoice_kind";
/** On a deposit request: the whole amount (cents, before tax) the deposit is part of. */
export const DEPOSIT_OF_METADATA = "deposit_of_amount";

export const ZCreateFirstInvoiceProps = z
  .object({
    customerId: ZStripeId("cus_", "customerId").describe(
      "The Stripe customer (cus_…), e.g. from find-or-create-customer",
    ),
    currency: ZCurrency.describe("Three-letter ISO code; eur by default"),
    description: z
      .string()
      .trim()
      .min(1, "description is required (what was sold, e.g. the deal name)")
      .describe("What was sold: the invoice line, e.g. the deal name"),
    amount: ZPositiveMinorAmount.describe("The whole price before tax, in cents: 1,200.00 EUR is 120000"),
    deposit: ZDeposit.describe(
      'A deposit to ask for first: "30%" of the amount, or an amount in cents. Empty or 0: invoice the whole amount',
    ),
    taxRateIds: ZIdList.describe("Tax rates on the line (txr_…)"),
    couponId: optionalText.describe("A coupon applied to the invoice (the discount)"),
    daysUntilDue: ZOptionalWholeNumber.describe("Days to pay; 14 when no due date"),
    dueDate: optionalText.describe("Instead of daysUntilDue: ISO 8601 date or date-time"),
    metadata: ZMetadata,
    dedupeKey: optionalText.describe(
      "A business key such as the deal id: a replayed run finds the invoice already made instead of a second one",
    ),
  })
  .superRefine((props, ctx) => {
    if (props.deposit?.kind === "amount" && props.deposit.amount > props.amount) {
      ctx.addIssue({
        code: "custom",
        path: ["deposit"],
        message: `the deposit (${props.deposit.amount}) is more than the amount (${props.amount})`,
      });
    }
  });

export type CreateFirstInvoiceProps = z.output<typeof ZCreateFirstInvoiceProps>;

export type CreateFirstInvoiceOutput = CreateDraftInvoiceOutput & {
  /** `deposit`: a request for part of the amount; `full`: the whole amount. */
  kind: "deposit" | "full";
  /** What this invoice asks for before tax, in cents. */
  invoicedAmount: number;
  /** The whole price before tax, in cents. */
  totalAmount: number;
  /** What remains to invoice later (0 for a full invoice), before tax. */
  balance: number;
};

/** The draft-invoice props for a deposit request (one line for the deposit) or the full invoice. */
function draftProps(props: CreateFirstInvoiceProps, deposit: DepositAsked | undefined, invoiced: number) {
  const line = {
    description: deposit ? depositLine(deposit, props.description) : props.description,
    quantity: 1,
    unitAmount: invoiced,
    ...(props.taxRateIds?.length ? { taxRateIds: props.taxRateIds } : {}),
  };
  const metadata = {
    ...props.metadata,
    [INVOICE_KIND_METADATA]: deposit ? "deposit" : "full",
    ...(deposit ? { [DEPOSIT_OF_METADATA]: String(props.amount) } : {}),
  };
  return ZCreateDraftInvoiceProps.parse({
    customerId: props.customerId,
    currency: props.currency,
    lines: [line],
    metadata,
    ...(deposit ? { deposit: invoiced } : {}),
    ...(deposit ? { description: depositMemo(invoiced, props.amount, props.currency, props.description) } : {}),
    ...(props.couponId ? { couponId: props.couponId } : {}),
    ...(props.daysUntilDue !== undefined ? { daysUntilDue: props.daysUntilDue } : {}),
    ...(props.dueDate ? { dueDate: props.dueDate } : {}),
    ...(props.dedupeKey ? { dedupeKey: props.dedupeKey } : {}),
  });
}

export const createFirstInvoiceAction = defineAction({
  key: "create-first-invoice",
  name: "Create first invoice or deposit request",
  description:
    "Drafts the first invoice of a sale (a won deal): the whole amount, or — when a deposit is asked — a deposit " +
    "request for that part, marked as such, the balance to be invoiced later. With a dedupe key (the deal id), a " +
    "replayed run returns the invoice already made.",
  props: ZCreateFirstInvoiceProps,
  // It creates an invoice, through create-draft-invoice's idempotency key and dedupe key.
  sideEffect: true,
  options: { taxRateIds: taxRateOptions, couponId: couponOptions },
  sampleOutput: {
    ...SAMPLE_INVOICE_OUTPUT,
    status: "draft",
    number: null,
    subtotal: 36_000,
    tax: 7200,
    discount: 0,
    total: 43_200,
    amountDue: 43_200,
    amountRemaining: 43_200,
    deposit: 36_000,
    hostedInvoiceUrl: null,
    invoicePdf: null,
    created: true,
    kind: "deposit",
    invoicedAmount: 36_000,
    totalAmount: 120_000,
    balance: 84_000,
  },
  async run(ctx): Promise<CreateFirstInvoiceOutput> {
    const { deposit, amount } = ctx.props;
    const invoiced = deposit ? depositAmountOf(deposit, amount) : amount;
    const output = await createDraftInvoiceAction.run({ ...ctx, props: draftProps(ctx.props, deposit, invoiced) });
    ctx.log(deposit ? "Stripe deposit request drafted" : "Stripe first invoice drafted", {
      invoiceId: output.invoiceId,
      invoiced,
    });
    return {
      ...output,
      kind: deposit ? "deposit" : "full",
      invoicedAmount: invoiced,
      totalAmount: amount,
      balance: amount - invoiced,
    };
  },
});
