/**
 * The weekly sync review as an action sees it. Connectors never touch the database: the engine
 * hands the core `sync-review` action this context, backed by the review service. The report is
 * the action's output, so its shape is a contract with the flows (and the template) that use it.
 */

/** A live run that ended failed or needing attention in the period. */
export type SyncReviewFailedSync = {
  runId: string;
  flowId: string;
  flowName: string;
  status: "failed" | "needs_attention";
  /** The run's trigger summary, e.g. "Booking: Jane Roe, Tue 14:00 Europe/Paris". */
  summary: string;
  /** The provider's message, as the run recorded it. */
  error: string | null;
  /** ISO 8601: when the run was created. */
  at: string;
  /** The replay that followed it, when someone replayed it. */
  replayedByRunId: string | null;
  /** The run's page: absolute when the installation's public URL is known. */
  url: string;
};

/**
 * A duplicate the identity service found: an ambiguous match it put in the review queue
 * (`identity_review`), or a second record in one tool linked to a customer who already had one
 * there (`merged_link`).
 */
export type SyncReviewDuplicate = {
  kind: "identity_review" | "merged_link";
  id: string;
  /** The connector key, e.g. `hubspot`. */
  provider: string;
  /** The customer's e-mail, else phone, else name. */
  customer: string;
  /** "3 possible matches", "record 456 is the same customer as 123". */
  detail: string;
  /** Reviews: open, resolved or dismissed; merged links: linked. */
  status: string;
  runId: string | null;
  flowName: string | null;
  at: string;
  url: string | null;
};

/** A booking canceled in the period whose invoice, made by a run, is still open. */
export type SyncReviewCanceledStillOpen = {
  bookingUid: string;
  /** The cancellation's run. */
  runId: string;
  flowId: string;
  flowName: string;
  summary: string;
  canceledAt: string;
  invoiceId: string;
  invoiceNumber: string | null;
  /** The invoice's last known status (draft, open, …). */
  invoiceStatus: string | null;
  /** The run whose step or event last told the invoice's state. */
  invoiceRunId: string;
  url: string;
};

export type SyncReviewReport = {
  /** ISO 8601 instants: the period is [periodStart, periodEnd). */
  periodStart: string;
  periodEnd: string;
  failedSyncs: SyncReviewFailedSync[];
  duplicates: SyncReviewDuplicate[];
  canceledStillOpen: SyncReviewCanceledStillOpen[];
  counts: { failedSyncs: number; duplicates: number; canceledStillOpen: number };
  /** Ready to send: subject, plain text and a simple HTML body. */
  subject: string;
  text: string;
  html: string;
  /** The workspace's mapping owner, when one is set and still a member. */
  mappingOwnerEmail: string | null;
};

export interface SyncReviewContext {
  /** The review of the run's workspace for the `days` days ending now. */
  review(options: { days: number }): Promise<SyncReviewReport>;
}
