"use client";

import { SelectField, Stat } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { ReviewDelivery } from "./review-delivery";
import { CanceledStillOpenList, DuplicatesList, FailedSyncsList } from "./review-lists";
import type { ReviewWeek, SyncReviewView } from "./types";

const WEEK_LABELS: Record<ReviewWeek, string> = { this: "This week", last: "Last week" };

function periodText(review: SyncReviewView): string {
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString("en-GB", {
      timeZone: review.timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
    });
  // The end is exclusive: last week ends on Monday 00:00, so its last day is the Sunday before.
  return `${day(review.periodStart)} – ${day(new Date(Date.parse(review.periodEnd) - 1).toISOString())} (${review.timeZone})`;
}

/** The weekly review: failed syncs, duplicates and canceled-but-invoiced bookings, this week or last. */
export function WeeklyReview() {
  const trpc = useTRPC();
  const [week, setWeek] = useState<ReviewWeek>("this");
  const review = useQuery(trpc.workspace.syncReview.queryOptions({ week }));

  return (
    <>
      <div className="ho-toolbar">
        <SelectField
          label="Period"
          name="review-week"
          value={week}
          onChange={(event) => setWeek(event.target.value === "last" ? "last" : "this")}
        >
          {(Object.keys(WEEK_LABELS) as ReviewWeek[]).map((value) => (
            <option key={value} value={value}>
              {WEEK_LABELS[value]}
            </option>
          ))}
        </SelectField>
        {review.data ? <p className="ho-muted">{periodText(review.data)}</p> : null}
      </div>
      {review.isPending ? <p className="ho-muted">Loading the review…</p> : null}
      {review.isError ? (
        <p role="alert" className="ho-error">
          Could not load the review: {review.error.message}
        </p>
      ) : null}
      {review.data ? <ReviewBody review={review.data} /> : null}
    </>
  );
}

export function ReviewBody({ review }: { review: SyncReviewView }) {
  return (
    <>
      <ReviewDelivery review={review} />
      <div className="ho-stats">
        <Stat label="Failed syncs" value={review.counts.failedSyncs} />
        <Stat label="Duplicates" value={review.counts.duplicates} />
        <Stat label="Canceled, invoice still open" value={review.counts.canceledStillOpen} />
      </div>
      <FailedSyncsList review={review} />
      <DuplicatesList review={review} />
      <CanceledStillOpenList review={review} />
    </>
  );
}
