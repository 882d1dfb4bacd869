import { countReviewsAbout } from "./customer-reviews";
import { countRunsMentioning } from "./customer-runs";
import { erasureConfirmationFor } from "./erasure-confirmation";
import { type CustomerExecutor, findCustomer } from "./find-customer";

export interface SummarizeCustomerOptions {
  db: CustomerExecutor;
  workspaceId: string;
  query: string;
}

/** What the search shows before an export or an erasure: who was found and how much is held. */
export async function summarizeCustomer(options: SummarizeCustomerOptions) {
  const subject = await findCustomer(options);
  const [runs, identityReviews] = await Promise.all([
    countRunsMentioning(options.db, subject),
    countReviewsAbout(options.db, subject),
  ]);
  return {
    searchedBy: subject.query.by,
    customer: subject.customer,
    email: subject.email,
    phone: subject.phone,
    counts: { links: subject.links.length, runs, identityReviews },
    /** Nothing is held: no customer row, no run and no review mention them. */
    found: subject.customer !== null || runs > 0 || identityReviews > 0,
    confirmWith: erasureConfirmationFor(subject),
  };
}

export type CustomerSummary = Awaited<ReturnType<typeof summarizeCustomer>>;
