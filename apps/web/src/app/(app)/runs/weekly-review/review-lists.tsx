import Link from "next/link";
import type { ReactNode } from "react";
import { runTitle, statusBadgeClass, statusLabel } from "../run-format";
import type { SyncReviewView } from "./types";

/** Times in the workspace's zone: the review is about its week, wherever the reader is. */
export function formatInZone(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
}

function ReviewSection({
  id,
  title,
  total,
  shown,
  empty,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section className="ho-panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} ({total})
      </h2>
      {total === 0 ? <p className="ho-muted">{empty}</p> : children}
      {total > shown ? (
        <p className="ho-muted">
          Showing the first {shown} of {total}.
        </p>
      ) : null}
    </section>
  );
}

export function FailedSyncsList({ review }: { review: SyncReviewView }) {
  const runs = review.failedSyncs;
  return (
    <ReviewSection
      id="review-failed"
      title="Failed syncs"
      total={review.counts.failedSyncs}
      shown={runs.length}
      empty="No sync failed in this period."
    >
      <table className="ho-table" aria-label="Failed syncs">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Flow</th>
            <th scope="col">What</th>
            <th scope="col">Status</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId}>
              <td>{formatInZone(run.at, review.timeZone)}</td>
              <td>{run.flowName}</td>
              <td>
                <Link href={`/runs/${run.runId}`}>{runTitle({ id: run.runId, summary: run.summary })}</Link>
              </td>
              <td>
                <span className={statusBadgeClass(run.status)}>{statusLabel(run.status)}</span>
                {run.replayedByRunId ? (
                  <>
                    {" "}
                    <Link href={`/runs/${run.replayedByRunId}`}>replayed</Link>
                  </>
                ) : null}
              </td>
              <td>{run.error ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReviewSection>
  );
}

const DUPLICATE_KINDS = { identity_review: "Ambiguous match", merged_link: "Same customer twice" } as const;

export function DuplicatesList({ review }: { review: SyncReviewView }) {
  const duplicates = review.duplicates;
  return (
    <ReviewSection
      id="review-duplicates"
      title="Duplicates found by the identity service"
      total={review.counts.duplicates}
      shown={duplicates.length}
      empty="No duplicate customer found in this period."
    >
      <table className="ho-table" aria-label="Duplicates">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Tool</th>
            <th scope="col">Customer</th>
            <th scope="col">What</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {duplicates.map((duplicate) => (
            <tr key={duplicate.id}>
              <td>{formatInZone(duplicate.at, review.timeZone)}</td>
              <td>{duplicate.provider}</td>
              <td>{duplicate.customer}</td>
              <td>
                {DUPLICATE_KINDS[duplicate.kind]}: {duplicate.detail}
                {duplicate.runId ? (
                  <>
                    {" "}
                    (<Link href={`/runs/${duplicate.runId}`}>run</Link>)
                  </>
                ) : null}
              </td>
              <td>
                <span className="ho-badge">{duplicate.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReviewSection>
  );
}

export function CanceledStillOpenList({ review }: { review: SyncReviewView }) {
  const items = review.canceledStillOpen;
  return (
    <ReviewSection
      id="review-canceled"
      title="Canceled appointments whose invoice is still open"
      total={review.counts.canceledStillOpen}
      shown={items.length}
      empty="Every appointment canceled in this period has its invoice voided or paid."
    >
      <table className="ho-table" aria-label="Canceled appointments whose invoice is still open">
        <thead>
          <tr>
            <th scope="col">Canceled</th>
            <th scope="col">Appointment</th>
            <th scope="col">Booking</th>
            <th scope="col">Invoice</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.bookingUid}:${item.invoiceId}`}>
              <td>{formatInZone(item.canceledAt, review.timeZone)}</td>
              <td>
                <Link href={`/runs/${item.runId}`}>{runTitle({ id: item.runId, summary: item.summary })}</Link>
              </td>
              <td>{item.bookingUid}</td>
              <td>
                <Link href={`/runs/${item.invoiceRunId}`}>{item.invoiceNumber ?? item.invoiceId}</Link>{" "}
                <span className="ho-badge ho-badge-warn">{item.invoiceStatus ?? "open"}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReviewSection>
  );
}
