import { normalizeEmail, normalizePhone } from "@handoff/connector-sdk";
import type { CustomerSubject } from "./find-customer";

/** What a person types to confirm an erasure: the email, else the phone, else the customer id. */
export type ErasureConfirmation = { kind: "email" | "phone" | "customer id"; value: string };

export function erasureConfirmationFor(subject: CustomerSubject): ErasureConfirmation {
  if (subject.email) return { kind: "email", value: subject.email };
  if (subject.phone) return { kind: "phone", value: subject.phone };
  // A subject always has an email, a phone or a customer row: `findCustomer` starts from one of them.
  return { kind: "customer id", value: subject.customer?.id ?? "" };
}

/** Compared the way the value is stored, so "Jane@Example.com " confirms jane@example.com. */
export function confirmsErasure(subject: CustomerSubject, typed: string): boolean {
  const expected = erasureConfirmationFor(subject);
  if (expected.value === "") return false;
  switch (expected.kind) {
    case "email":
      return normalizeEmail(typed) === expected.value;
    case "phone":
      return normalizePhone(typed, subject.defaultCountry) === expected.value;
    case "customer id":
      return typed.trim().toLowerCase() === expected.value;
  }
}
