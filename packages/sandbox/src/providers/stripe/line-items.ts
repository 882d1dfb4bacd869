import { stripeErrors } from "./errors";
import { newId } from "./ids";
import { createDiscounts, readDiscountCoupons } from "./invoice-lifecycle";
import type { FormReader } from "./params";
import { nowSeconds, readTaxRateIds, type StripeRuntime } from "./runtime";
import type { InvoiceItem } from "./store";
import { ratioRound } from "./totals";

export const LINE_FIELDS = [
  "amount",
  "description",
  "discountable",
  "discounts",
  "metadata",
  "period",
  "price_data",
  "pricing",
  "quantity",
  "tax_rates",
] as const;

interface Price {
  amount: number;
  unitAmountDecimal: string;
  quantity: number;
  product: string | null;
}

/** `amount` (a quantity of one), or `price_data[unit_amount|unit_amount_decimal]` × `quantity`. */
function readPrice(form: FormReader, currency: string): Price {
  const given = (["amount", "price_data", "pricing"] as const).filter((key) => form.has(key));
  if (given.length === 0)
    throw stripeErrors.invalid(
      form.param("amount"),
      "Missing required param: amount. Provide one of `amount`, `price_data` or `pricing`.",
      "parameter_missing",
    );
  if (given.length > 1)
    throw stripeErrors.invalid(
      form.param(given[1] ?? "amount"),
      "You may only specify one of these parameters: amount, price_data, pricing.",
    );
  const quantity = form.int("quantity") ?? 1;
  if (quantity < 0) throw stripeErrors.invalid(form.param("quantity"), "quantity must be 0 or greater.");
  if (given[0] === "pricing") {
    const price = form.object("pricing")?.allowOnly(["price"]).requiredString("price") ?? "";
    throw stripeErrors.noSuch("price", price, form.param("pricing[price]"), 400);
  }
  if (given[0] === "amount") {
    const amount = form.requiredInt("amount");
    if (quantity !== 1)
      throw stripeErrors.invalid(
        form.param("quantity"),
        "When `amount` is set, `quantity` must be 1; use `price_data[unit_amount]` with `quantity` instead.",
      );
    const itemCurrency = form.currency("currency");
    if (itemCurrency && itemCurrency !== currency)
      throw currencyMismatch(form.param("currency"), itemCurrency, currency);
    return { amount, unitAmountDecimal: String(amount), quantity, product: null };
  }
  const priceData = form.object("price_data");
  if (!priceData) throw stripeErrors.missingParam(form.param("price_data"));
  priceData.allowOnly(["currency", "product", "product_data", "tax_behavior", "unit_amount", "unit_amount_decimal"]);
  const priceCurrency = priceData.currency("currency");
  if (!priceCurrency) throw stripeErrors.missingParam(priceData.param("currency"));
  if (priceCurrency !== currency) throw currencyMismatch(priceData.param("currency"), priceCurrency, currency);
  const unit = priceData.int("unit_amount");
  const decimal = priceData.string("unit_amount_decimal");
  if (unit == null && decimal == null) throw stripeErrors.missingParam(priceData.param("unit_amount"));
  if (decimal != null && !/^\d+(\.\d{1,12})?$/.test(decimal))
    throw stripeErrors.invalid(priceData.param("unit_amount_decimal"), `Invalid decimal: ${decimal}`);
  if (unit != null && unit < 0)
    throw stripeErrors.invalid(priceData.param("unit_amount"), "unit_amount must be 0 or greater.");
  const product = priceData.string("product") ?? null;
  if (unit != null) return { amount: unit * quantity, unitAmountDecimal: String(unit), quantity, product };
  const [whole = "0", fraction = ""] = (decimal ?? "0").split(".");
  const scale = 10 ** fraction.length;
  const amount = ratioRound(quantity, Number(whole) * scale + Number(fraction || 0), scale);
  return { amount, unitAmountDecimal: decimal ?? "0", quantity, product };
}

function currencyMismatch(param: string, given: string, expected: string) {
  return stripeErrors.invalid(
    param,
    `The currency of the invoice item (${given}) does not match the currency of the invoice (${expected}).`,
  );
}

export interface PendingLine {
  item: InvoiceItem;
  coupons: string[];
}

/** Validates one line's parameters into an unsaved invoice item; `commitLine` stores it. */
export function buildLine(
  rt: StripeRuntime,
  form: FormReader,
  owner: { customer: string; invoice: string | null; currency: string },
): PendingLine {
  const price = readPrice(form, owner.currency);
  const now = nowSeconds(rt);
  const period = form.object("period")?.allowOnly(["start", "end"]);
  const item: InvoiceItem = {
    id: newId("ii"),
    lineId: newId("il"),
    customer: owner.customer,
    invoice: owner.invoice,
    currency: owner.currency,
    amount: price.amount,
    quantity: price.quantity,
    unitAmountDecimal: price.unitAmountDecimal,
    description: form.string("description") ?? null,
    discountable: form.bool("discountable") ?? price.amount >= 0,
    discountIds: [],
    taxRateIds: readTaxRateIds(rt, form, "tax_rates") ?? [],
    metadata: form.metadata("metadata") ?? {},
    period: { start: period?.int("start") ?? now, end: period?.int("end") ?? now },
    date: now,
    price: newId("price"),
    product: price.product ?? newId("prod", 14),
  };
  const coupons = readDiscountCoupons(rt, form, "discounts", owner.currency) ?? [];
  return { item, coupons };
}

export function commitLine(rt: StripeRuntime, { item, coupons }: PendingLine): InvoiceItem {
  item.discountIds = createDiscounts(rt, coupons, { customer: item.customer, invoice: null, invoiceItem: item.id });
  rt.store.invoiceItems.set(item.id, item);
  if (item.invoice) rt.store.invoices.get(item.invoice)?.itemIds.push(item.id);
  return item;
}
