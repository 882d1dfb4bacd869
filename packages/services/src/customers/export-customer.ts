import type { Database } from "@handoff/db";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../flows/errors";
import { auditSubject } from "./audit-subject";
import { collectCustomerRuns } from "./collect-customer-runs";
import { consentsIn } from "./customer-consents";
import { listReviewsAbout } from "./customer-reviews";
import { findCustomer } from "./find-customer";

/** Enough for any real customer's history, small enough to build and download in one response. */
export const CUSTOMER_EXPORT_RUN_LIMIT = 5_000;

export interface ExportCustomerOptions {
  db: Database;
  workspaceId: string;
  /** An email, a phone number or a customer id. */
  query: string;
  actorUserId: string | null;
  runLimit?: number;
}

/**
 * Everything Handoff holds about one person, as JSON: the customer and their links, identity
 * reviews about them, every run that mentions them with its trigger payload and steps, and the
 * consent timestamps messaging steps relied on. The audit row says that an export happened and
 * how big it was, never what it contained.
 */
export async function exportCustomer({
  db,
  workspaceId,
  query,
  actorUserId,
  runLimit = CUSTOMER_EXPORT_RUN_LIMIT,
}: ExportCustomerOptions) {
  // Repeatable read: the runs, their steps and the counts in the audit row are one snapshot.
  return db.transaction(
    async (tx) => {
      const subject = await findCustomer({ db: tx, workspaceId, query });
      const { runs, capped } = await collectCustomerRuns(tx, subject, runLimit);
      const identityReviews = await listReviewsAbout(tx, subject);
      if (!subject.customer && runs.length === 0 && identityReviews.length === 0) {
        throw new NotFoundError("Handoff holds no customer, run or identity review for this person");
      }
      const consents = await consentsIn(tx, runs);
      const exported = {
        exportedAt: new Date().toISOString(),
        customer: subject.customer,
        links: subject.links,
        identityReviews,
        runs: runs.map(({ flowVersionId: _version, ...run }) => run),
        runsCapped: capped,
        runLimit,
        consents,
      };
      await recordAudit({
        db: tx,
        workspaceId,
        actorUserId,
        action: "customer.exported",
        targetType: "customer",
        targetId: subject.customer?.id ?? null,
        after: {
          ...auditSubject(subject),
          counts: {
            links: subject.links.length,
            runs: runs.length,
            steps: runs.reduce((total, run) => total + run.steps.length, 0),
            identityReviews: identityReviews.length,
            consents: consents.length,
          },
          runsCapped: capped,
        },
      });
      return exported;
    },
    { isolationLevel: "repeatable read" },
  );
}

export type CustomerExport = Awaited<ReturnType<typeof exportCustomer>>;
