/** What the person typed is not an email, a phone number or a customer id. */
export class CustomerQueryError extends Error {
  override name = "CustomerQueryError";
}

/** Several customers share the phone number searched: Handoff does not guess which one is meant. */
export class AmbiguousCustomerError extends Error {
  override name = "AmbiguousCustomerError";
}

/** An erasure asked for without what it requires (a reason, the matching confirmation). */
export class ErasureRefusedError extends Error {
  override name = "ErasureRefusedError";
}
