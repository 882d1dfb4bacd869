import { isJsonObject, type OptionItem, type OptionsLoader } from "@handoff/connector-sdk";
import { createStripeClient, readStripe } from "./client";
import { formatMinor } from "./money";
import { ZList } from "./stripe-objects";

/** Stripe accounts rarely have more than a page of tax rates or coupons; 100 is the page maximum. */
const PAGE_LIMIT = 100;

const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** Active tax rates: "VAT 20% (exclusive)". */
export const taxRateOptions: OptionsLoader = async ({ connection, signal }) => {
  const client = createStripeClient(connection, { signal });
  const response = await client.request({
    method: "GET",
    path: "/v1/tax_rates",
    query: { active: true, limit: PAGE_LIMIT },
  });
  return readStripe(ZList, response.body, "the tax rates list").data.flatMap((rate): OptionItem[] => {
    if (!isJsonObject(rate) || !str(rate.id)) return [];
    const name = str(rate.display_name) ?? String(rate.id);
    const where = [str(rate.country), str(rate.state)].filter(Boolean).join("-");
    const behaviour = rate.inclusive === true ? "inclusive" : "exclusive";
    const label = `${name} ${num(rate.percentage) ?? "?"}% (${behaviour}${where ? `, ${where}` : ""})`;
    return [{ label, value: String(rate.id) }];
  });
};

/** Valid coupons: "Loyalty (10% off)", "FIVER (5.00 EUR off)". */
export const couponOptions: OptionsLoader = async ({ connection, signal }) => {
  const client = createStripeClient(connection, { signal });
  const response = await client.request({ method: "GET", path: "/v1/coupons", query: { limit: PAGE_LIMIT } });
  return readStripe(ZList, response.body, "the coupons list").data.flatMap((coupon): OptionItem[] => {
    if (!isJsonObject(coupon) || !str(coupon.id) || coupon.valid === false) return [];
    const percent = num(coupon.percent_off);
    const amount = num(coupon.amount_off);
    const currency = str(coupon.currency)?.toUpperCase() ?? "";
    const off = percent !== undefined ? `${percent}% off` : `${formatMinor(amount ?? 0, currency)} off`;
    // A coupon named after its own terms ("10% off") is shown by its code instead.
    const name = str(coupon.name) !== off ? (str(coupon.name) ?? String(coupon.id)) : String(coupon.id);
    return [{ label: `${name} (${off})`, value: String(coupon.id) }];
  });
};
