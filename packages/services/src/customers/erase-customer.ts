import { type Database, sql } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../flows/errors";
import { countReviewsAbout, reviewsAbout } from "./customer-reviews";
import { countRunsMentioning } from "./customer-runs";
import { confirmsErasure, erasureConfirmationFor } from "./erasure-confirmation";
import { ErasureRefusedError } from "./errors";
import { type CustomerExecutor, type CustomerSubject, findCustomer } from "./find-customer";
import { redactAuditMentions } from "./redact-audit-mentions";
import { redactCustomerRuns } from "./redact-customer-runs";

export const ERASURE_REASON_MAX_LENGTH = 500;

export interface EraseCustomerOptions {
  db: Database;
  workspaceId: string;
  /** An email, a phone number or a customer id. */
  query: string;
  /** The customer's email typed again (their phone, or id, when they have no email). */
  confirmation: string;
  /** Why, for the audit trail: e.g. "the customer's request of 1 March". */
  reason: string;
  actorUserId: string | null;
}

export interface CustomerErasure {
  customerId: string | null;
  counts: {
    runs: number;
    steps: number;
    triggerEvents: number;
    identityReviews: number;
    links: number;
    customers: number;
  };
}

/**
 * Erases one person in one transaction: their runs are redacted (kept, with their personal data
 * replaced), the identity reviews about them deleted, then their links and customer row. The
 * audit row records the customer id and counts only; the personal data it removed is not copied
 * anywhere.
 */
export async function eraseCustomer({
  db,
  workspaceId,
  query,
  confirmation,
  reason,
  actorUserId,
}: EraseCustomerOptions): Promise<CustomerErasure> {
  const why = checkedReason(reason);
  return db.transaction(async (tx) => {
    const subject = await findCustomer({ db: tx, workspaceId, query, forUpdate: true });
    const held = {
      runs: await countRunsMentioning(tx, subject),
      identityReviews: await countReviewsAbout(tx, subject),
    };
    if (!subject.customer && held.runs === 0 && held.identityReviews === 0) {
      throw new NotFoundError("Handoff holds no customer, run or identity review for this person");
    }
    if (!confirmsErasure(subject, confirmation)) {
      const expected = erasureConfirmationFor(subject).kind;
      throw new ErasureRefusedError(`The confirmation does not match the customer's ${expected}; type it exactly`);
    }
    // Reviews first: the ones tied to a run are found through the run's keys, which redaction clears.
    const identityReviews = await deleteReviewsAbout(tx, subject);
    const redacted = await redactCustomerRuns(tx, subject, new Date());
    const { links, customers } = await deleteCustomerRow(tx, subject);
    const auditRows = await redactAuditMentions(tx, subject, new Date());
    const counts = { ...redacted, identityReviews, links, customers, auditRows };
    await recordAudit({
      db: tx,
      workspaceId,
      actorUserId,
      action: "customer.erased",
      targetType: "customer",
      targetId: subject.customer?.id ?? null,
      before: { customerId: subject.customer?.id ?? null, counts: { ...held, links: subject.links.length } },
      after: { erased: counts },
      reason: why,
    });
    return { customerId: subject.customer?.id ?? null, counts };
  });
}

function checkedReason(reason: string): string {
  const why = reason.trim();
  if (why === "") {
    throw new ErasureRefusedError("Give a reason for the erasure, e.g. the customer's request and its date");
  }
  if (why.length > ERASURE_REASON_MAX_LENGTH) {
    throw new ErasureRefusedError(`Keep the reason under ${ERASURE_REASON_MAX_LENGTH} characters`);
  }
  return why;
}

async function deleteReviewsAbout(db: CustomerExecutor, subject: CustomerSubject): Promise<number> {
  const deleted = await db.execute(sql`delete from identity_reviews where ${reviewsAbout(subject)}`);
  return deleted.rowCount ?? 0;
}

async function deleteCustomerRow(db: CustomerExecutor, subject: CustomerSubject) {
  if (!subject.customer) return { links: 0, customers: 0 };
  const links = await db.execute(sql`delete from customer_links where customer_id = ${subject.customer.id}`);
  const customers = await db.execute(sql`delete from customers where id = ${subject.customer.id}`);
  return { links: links.rowCount ?? 0, customers: customers.rowCount ?? 0 };
}
