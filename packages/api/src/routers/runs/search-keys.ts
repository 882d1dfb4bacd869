import { normalizeEmail, normalizePhone } from "@handoff/connector-sdk";

/**
 * The spellings a bookkeeper's search term may be stored under in a run's business keys: as
 * typed (invoice numbers, booking uids, deal ids), an e-mail lower-cased, a phone in E.164 read
 * with the workspace's country.
 */
export function searchKeysFor(term: string, defaultCountry: string): string[] {
  const typed = term.trim();
  if (!typed) return [];
  const keys = new Set([typed]);
  if (typed.includes("@")) keys.add(normalizeEmail(typed) ?? typed);
  else if (/^[+\d][\d\s().-]{5,}$/.test(typed)) {
    const phone = normalizePhone(typed, defaultCountry);
    if (phone) keys.add(phone);
  }
  return [...keys];
}
