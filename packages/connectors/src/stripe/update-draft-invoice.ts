import { type ActionContext, ConnectorError, defineAction, type HttpClient } from "@handoff/connector-sdk";
import { z } from "zod";
import { createStripeClient, stripePath } from "./client";
import {
  type FetchedInvoice,
  getInvoice,
  type InvoiceOutput,
  readInvoice,
  SAMPLE_INVOICE_OUTPUT,
  toInvoiceOutput,
} from "./invoices";
import { optionalText, ZInvoiceId, ZOptionalWholeNumber } from "./props";
import type { StripeInvoice } from "./stripe-objects";

/**
 * Metadata to merge into the invoice's. A blank value is left out rather than sent: Stripe reads
 * `metadata[k]=` as "delete k", and an expression that resolved to nothing must not erase a key.
 */
const ZMetadataChanges = z.preprocess(
  (value) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== "" && entry !== null))
      : value,
  z
    .record(z.string().min(1).max(40), z.string().max(500))
    .refine((metadata) => Object.keys(metadata).length <= 50, "at most 50 metadata keys")
    .optional(),
);

export const ZUpdateDraftInvoiceProps = z
  .object({
    invoiceId: ZInvoiceId,
    dueDate: optionalText
      .refine((value) => value === undefined || !Number.isNaN(Date.parse(value)), "dueDate must be an ISO 8601 date")
      .describe("The new due date: ISO 8601 date or date-time (send_invoice invoices)"),
    daysUntilDue: ZOptionalWholeNumber.describe("Instead of dueDate: days from the invoice's creation"),
    description: optionalText.describe("Shown on the invoice (memo)"),
    metadata: ZMetadataChanges.describe(
      "Keys to set on the invoice's metadata; other keys stay as they are, blank values are skipped",
    ),
    lineDescription: optionalText.describe(
      "The new description of the invoice's first line (the service); lines added after it stay as they are",
    ),
  })
  .refine((props) => props.daysUntilDue === undefined || props.dueDate === undefined, {
    message: "give daysUntilDue or dueDate, not both",
    path: ["dueDate"],
  })
  .refine(
    (props) =>
      props.dueDate !== undefined ||
      props.daysUntilDue !== undefined ||
      props.description !== undefined ||
      props.lineDescription !== undefined ||
      Object.keys(props.metadata ?? {}).length > 0,
    { message: "nothing to change: give a due date, a description, metadata or a line description" },
  );

export type UpdateDraftInvoiceProps = z.output<typeof ZUpdateDraftInvoiceProps>;

function invoiceForm(props: UpdateDraftInvoiceProps): Record<string, unknown> {
  return {
    ...(props.dueDate !== undefined ? { due_date: Math.floor(Date.parse(props.dueDate) / 1000) } : {}),
    ...(props.daysUntilDue !== undefined ? { days_until_due: props.daysUntilDue } : {}),
    ...(props.description !== undefined ? { description: props.description } : {}),
    ...(props.metadata && Object.keys(props.metadata).length > 0 ? { metadata: props.metadata } : {}),
  };
}

/** Stripe's answer to changing a finalized invoice (or its lines): 400 with one of these codes. */
const NOT_EDITABLE = /\binvoice_(not_editable|unexpected_state)\b/;

/** Final: retrying cannot make a finalized invoice a draft again. */
function notDraftError(
  invoice: Pick<StripeInvoice, "id" | "number" | "status"> | undefined,
  invoiceId: string,
  refusal?: ConnectorError,
): ConnectorError {
  const name = invoice?.number ? `${invoice.number} (${invoiceId})` : invoiceId;
  return new ConnectorError({
    code: "validation",
    message:
      `Stripe invoice ${name} is ${invoice?.status ?? "no longer a draft"}: only a draft invoice can be updated; ` +
      "one already finalized keeps its due date and lines",
    ...(refusal?.status === undefined ? {} : { status: refusal.status }),
    ...(refusal?.providerMessage === undefined ? {} : { providerMessage: refusal.providerMessage }),
    ...(refusal ? { cause: refusal } : {}),
  });
}

/** Stripe's own refusal (the invoice was finalized meanwhile), read again to name what it has become. */
async function refusedAsNotDraft(client: HttpClient, invoiceId: string, error: unknown): Promise<unknown> {
  if (!(error instanceof ConnectorError) || error.status !== 400 || !NOT_EDITABLE.test(error.providerMessage ?? "")) {
    return error;
  }
  const current = await getInvoice(client, invoiceId).catch(() => undefined);
  return notDraftError(current?.invoice, invoiceId, error);
}

/** The invoice item behind a line, for `POST /v1/invoiceitems/{id}`. */
const ZLineParent = z.looseObject({
  id: z.string(),
  description: z.string().nullish(),
  parent: z.looseObject({ invoice_item_details: z.looseObject({ invoice_item: z.string() }).nullish() }).nullish(),
});

/**
 * The invoice's first line: the one the flow added (the service). Lines someone added by hand
 * come after it and are left alone.
 */
function firstLine({ invoice }: FetchedInvoice) {
  const line = ZLineParent.safeParse(invoice.lines?.data[0]);
  const itemId = line.success ? line.data.parent?.invoice_item_details?.invoice_item : undefined;
  if (!line.success || !itemId) {
    throw new ConnectorError({
      code: "validation",
      message: `Stripe invoice ${invoice.id} has no invoice item line (no line, or a subscription's): lineDescription cannot change it`,
    });
  }
  return { itemId, description: line.data.description ?? null };
}

async function updateLine(
  client: HttpClient,
  ctx: ActionContext<UpdateDraftInvoiceProps>,
  current: FetchedInvoice,
  description: string,
): Promise<FetchedInvoice> {
  const line = firstLine(current);
  if (line.description === description) return current;
  await client.request({
    method: "POST",
    path: stripePath("/v1/invoiceitems/{id}", line.itemId),
    form: { description },
    idempotencyKey: `${ctx.idempotencyKey}:update-line`,
  });
  // The item's answer is the item; the invoice is read again for its new lines and totals.
  return getInvoice(client, current.invoice.id);
}

export const updateDraftInvoiceAction = defineAction({
  key: "update-draft-invoice",
  name: "Update draft invoice",
  description:
    "Changes a draft invoice in place, keeping its id: due date, description, metadata (merged) and its first " +
    "line's description. An invoice already finalized is refused, as Stripe refuses it: the step fails naming the invoice " +
    "and its status.",
  props: ZUpdateDraftInvoiceProps,
  // It writes to Stripe; a retried step replays Stripe's answers (Idempotency-Key), and the change is
  // the same whenever it is made again.
  sideEffect: true,
  sampleOutput: { ...SAMPLE_INVOICE_OUTPUT, status: "draft", number: null, hostedInvoiceUrl: null, invoicePdf: null },
  async run(ctx): Promise<InvoiceOutput> {
    const client = createStripeClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { invoiceId, lineDescription } = ctx.props;
    const form = invoiceForm(ctx.props);
    const changesDueDate = "due_date" in form || "days_until_due" in form;
    try {
      let current: FetchedInvoice | undefined;
      if (!changesDueDate) {
        // Stripe refuses a due date on a finalized invoice, but lets its description and metadata
        // change: without a due date, this step checks first that it only ever edits a draft.
        current = await getInvoice(client, invoiceId);
        if (current.invoice.status !== "draft") throw notDraftError(current.invoice, invoiceId);
      }
      if (Object.keys(form).length > 0) {
        const response = await client.request({
          method: "POST",
          path: stripePath("/v1/invoices/{id}", invoiceId),
          form,
          idempotencyKey: `${ctx.idempotencyKey}:update-invoice`,
        });
        current = readInvoice(response.body, "the invoice update");
      }
      current ??= await getInvoice(client, invoiceId);
      if (lineDescription !== undefined) current = await updateLine(client, ctx, current, lineDescription);
      ctx.log("Stripe draft invoice updated", {
        invoiceId,
        changed: [...Object.keys(form), ...(lineDescription === undefined ? [] : ["line"])],
      });
      return toInvoiceOutput(current);
    } catch (error) {
      throw await refusedAsNotDraft(client, invoiceId, error);
    }
  },
});
