import type { CustomerSubject } from "./find-customer";

/**
 * Who an export or erasure concerned, as the audit trail records it: the customer id when there
 * is a customer row, so that once the customer is erased the trail no longer says who they
 * were. A person found in runs only has no id, so their searched email or phone is the record.
 */
export function auditSubject(subject: CustomerSubject) {
  if (subject.customer) return { customerId: subject.customer.id };
  return { customerId: null, ...(subject.query.by === "phone" ? { phone: subject.phone } : { email: subject.email }) };
}
