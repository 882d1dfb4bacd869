import { stripeErrors } from "../errors";
import { newCouponId, newId } from "../ids";
import { LIST_PARAMS, paginate } from "../pagination";
import type { FormReader } from "../params";
import type { Route } from "../router";
import { getCoupon, getTaxRate, nowSeconds, type RouteContext } from "../runtime";
import { type Coupon, newestFirst, type TaxRate } from "../store";

function readPercentage(form: FormReader, key: string): number | undefined {
  const raw = form.string(key);
  if (raw == null) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d{1,4})?$/.test(raw) || value > 100)
    throw stripeErrors.invalid(form.param(key), `Invalid decimal: ${raw} (a percentage between 0 and 100)`);
  return value;
}

const TAX_RATE_TEXT = ["country", "description", "jurisdiction", "state", "tax_type"] as const;

function createTaxRate({ rt, form }: RouteContext) {
  form.allowOnly(["active", "display_name", "inclusive", "percentage", "metadata", ...TAX_RATE_TEXT]);
  const displayName = form.requiredString("display_name");
  const percentage = readPercentage(form, "percentage");
  if (percentage === undefined) throw stripeErrors.missingParam("percentage");
  const inclusive = form.bool("inclusive");
  if (inclusive === undefined) throw stripeErrors.missingParam("inclusive");
  const text = (key: (typeof TAX_RATE_TEXT)[number]) => form.string(key) ?? null;
  const taxRate: TaxRate = {
    id: newId("txr"),
    object: "tax_rate",
    active: form.bool("active") ?? true,
    country: text("country"),
    created: nowSeconds(rt),
    description: text("description"),
    display_name: displayName,
    effective_percentage: percentage,
    flat_amount: null,
    inclusive,
    jurisdiction: text("jurisdiction"),
    jurisdiction_level: null,
    livemode: false,
    metadata: form.metadata("metadata") ?? {},
    percentage,
    rate_type: "percentage",
    state: text("state"),
    tax_type: text("tax_type"),
  };
  rt.store.taxRates.set(taxRate.id, taxRate);
  return taxRate;
}

/** Percentage and inclusive are fixed once created, so finalized invoices keep their totals. */
function updateTaxRate({ rt, form, pathParams }: RouteContext) {
  form.allowOnly(["active", "display_name", "metadata", ...TAX_RATE_TEXT]);
  const taxRate = getTaxRate(rt, pathParams.id ?? "");
  const active = form.bool("active");
  if (active !== undefined) taxRate.active = active;
  const displayName = form.string("display_name");
  if (displayName) taxRate.display_name = displayName;
  for (const key of TAX_RATE_TEXT) {
    const value = form.string(key);
    if (value !== undefined) taxRate[key] = value;
  }
  taxRate.metadata = form.metadata("metadata", taxRate.metadata) ?? taxRate.metadata;
  return taxRate;
}

function listTaxRates({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS, "active", "inclusive", "created"]);
  const active = form.bool("active");
  const inclusive = form.bool("inclusive");
  const created = form.range("created");
  const rates = newestFirst(rt.store.taxRates).filter(
    (rate) =>
      (active === undefined || rate.active === active) &&
      (inclusive === undefined || rate.inclusive === inclusive) &&
      (!created || created(rate.created)),
  );
  return paginate(rates, form, { url: "/v1/tax_rates", kind: "tax_rate", render: (rate) => rate });
}

function createCoupon({ rt, form }: RouteContext) {
  form.allowOnly([
    "id",
    "amount_off",
    "currency",
    "duration",
    "duration_in_months",
    "max_redemptions",
    "metadata",
    "name",
    "percent_off",
    "redeem_by",
  ]);
  const percentOff = readPercentage(form, "percent_off");
  const amountOff = form.int("amount_off") ?? undefined;
  if (percentOff !== undefined && amountOff !== undefined)
    throw stripeErrors.invalid("amount_off", "You may only specify one of these parameters: amount_off, percent_off.");
  if (percentOff === undefined && amountOff === undefined) throw stripeErrors.missingParam("percent_off");
  if (percentOff !== undefined && percentOff <= 0)
    throw stripeErrors.invalid("percent_off", "percent_off must be greater than 0.");
  if (amountOff !== undefined && amountOff <= 0)
    throw stripeErrors.invalid("amount_off", "amount_off must be greater than 0.");
  const currency = form.currency("currency");
  if (amountOff !== undefined && !currency) throw stripeErrors.missingParam("currency");
  const duration = form.oneOf("duration", ["once", "repeating", "forever"] as const) ?? "once";
  const months = form.int("duration_in_months") ?? null;
  if (duration === "repeating" && months === null) throw stripeErrors.missingParam("duration_in_months");
  const id = form.string("id") ?? newCouponId();
  if (rt.store.coupons.has(id)) throw stripeErrors.invalid("id", "Coupon already exists.", "resource_already_exists");
  const coupon: Coupon = {
    id,
    object: "coupon",
    amount_off: amountOff ?? null,
    created: nowSeconds(rt),
    currency: amountOff !== undefined ? (currency ?? null) : null,
    duration,
    duration_in_months: duration === "repeating" ? months : null,
    livemode: false,
    max_redemptions: form.int("max_redemptions") ?? null,
    metadata: form.metadata("metadata") ?? {},
    name: form.string("name") ?? null,
    percent_off: percentOff ?? null,
    redeem_by: form.int("redeem_by") ?? null,
    times_redeemed: 0,
    valid: true,
  };
  rt.store.coupons.set(coupon.id, coupon);
  return coupon;
}

function updateCoupon({ rt, form, pathParams }: RouteContext) {
  form.allowOnly(["metadata", "name"]);
  const coupon = getCoupon(rt, pathParams.id ?? "");
  const name = form.string("name");
  if (name !== undefined) coupon.name = name;
  coupon.metadata = form.metadata("metadata", coupon.metadata) ?? coupon.metadata;
  return coupon;
}

function listCoupons({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS, "created"]);
  const created = form.range("created");
  const coupons = newestFirst(rt.store.coupons).filter((coupon) => !created || created(coupon.created));
  return paginate(coupons, form, { url: "/v1/coupons", kind: "coupon", render: (coupon) => coupon });
}

export const catalogRoutes: Route[] = [
  { method: "POST", path: "/v1/tax_rates", handle: createTaxRate },
  { method: "GET", path: "/v1/tax_rates", handle: listTaxRates },
  { method: "GET", path: "/v1/tax_rates/:id", handle: ({ rt, pathParams }) => getTaxRate(rt, pathParams.id ?? "") },
  { method: "POST", path: "/v1/tax_rates/:id", handle: updateTaxRate },
  { method: "POST", path: "/v1/coupons", handle: createCoupon },
  { method: "GET", path: "/v1/coupons", handle: listCoupons },
  { method: "GET", path: "/v1/coupons/:id", handle: ({ rt, pathParams }) => getCoupon(rt, pathParams.id ?? "") },
  { method: "POST", path: "/v1/coupons/:id", handle: updateCoupon },
];
