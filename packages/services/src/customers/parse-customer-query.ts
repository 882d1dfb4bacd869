import { normalizeEmail, normalizePhone } from "@handoff/connector-sdk";
import { z } from "zod";
import { CustomerQueryError } from "./errors";

export type CustomerQuery = { by: "id"; id: string } | { by: "email"; email: string } | { by: "phone"; phone: string };

const ZCustomerId = z.uuid();
const ZEmail = z.email();

// The typed value is never echoed: it is a customer's personal data and errors end up in logs.
const EXPECTED = "Enter an email address, a phone number (e.g. +33 6 12 34 56 78) or a customer id";

/**
 * Reads what a person typed in the search box, normalised the way the identity map and the run
 * business keys store it: lower-cased email, E.164 phone (national numbers read with the
 * workspace's country).
 */
export function parseCustomerQuery(query: string, defaultCountry: string): CustomerQuery {
  const text = query.trim();
  if (text === "") throw new CustomerQueryError(EXPECTED);
  // Emails are at most 254 characters; anything longer is not worth parsing.
  if (text.length > 320) throw new CustomerQueryError(`That is too long; ${EXPECTED}`);
  if (ZCustomerId.safeParse(text).success) return { by: "id", id: text.toLowerCase() };
  if (text.includes("@")) {
    const email = normalizeEmail(text);
    if (!email || !ZEmail.safeParse(email).success) {
      throw new CustomerQueryError("That is not a valid email address; write it as jane@example.com");
    }
    return { by: "email", email };
  }
  const phone = normalizePhone(text, defaultCountry);
  if (phone) return { by: "phone", phone };
  if (/\d/.test(text)) {
    throw new CustomerQueryError(
      `That is not a valid phone number (numbers without a country code are read as ${defaultCountry}); ${EXPECTED}`,
    );
  }
  throw new CustomerQueryError(EXPECTED);
}
