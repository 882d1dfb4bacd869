import { randomInt } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const UPPER_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function randomString(alphabet: string, length: number): string {
  let out = "";
  for (let index = 0; index < length; index += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Stripe-looking ids (`in_1Q…`): a type prefix, then random base62. Customers use the short form. */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomString(BASE62, length)}`;
}

/** The 8-character prefix Stripe gives each customer's invoice numbers, e.g. `0759376C`. */
export function newInvoicePrefix(): string {
  return randomString(UPPER_ALNUM, 8);
}

/** Coupons without a chosen id get 8 random characters and no prefix, like Stripe's. */
export function newCouponId(): string {
  return randomString(BASE62, 8);
}

export function newSecret(prefix: string): string {
  return `${prefix}_${randomString(BASE62, 32)}`;
}
