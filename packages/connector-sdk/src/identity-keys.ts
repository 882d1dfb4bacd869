import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import type { IdentityKeys, NormalizedIdentityKeys } from "./identity";

export function normalizeEmail(email: string | undefined): string | undefined {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : undefined;
}

/**
 * E.164 (`+33612345678`), reading national formats with the workspace's country. A number that
 * does not parse as a valid phone number is dropped rather than matched as typed: a wrong match
 * merges two customers, a missed one only costs a review.
 */
export function normalizePhone(phone: string | undefined, defaultCountry?: string): string | undefined {
  const trimmed = phone?.trim();
  if (!trimmed) return undefined;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : undefined;
}

export function normalizeIdentityKeys(keys: IdentityKeys, defaultCountry?: string): NormalizedIdentityKeys {
  const email = normalizeEmail(keys.email);
  const phone = normalizePhone(keys.phone, defaultCountry);
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}
