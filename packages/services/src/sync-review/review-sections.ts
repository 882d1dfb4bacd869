import type { SyncReview } from "./get-sync-review";

/** One line of a review list, the same in the text and the HTML e-mail. */
export interface ReviewLine {
  text: string;
  detail: string | null;
  url: string | null;
}

export interface ReviewSection {
  title: string;
  total: number;
  lines: ReviewLine[];
  /** What an empty list means, so "nothing" reads as good news rather than a missing section. */
  empty: string;
}

const FAILED_STATUS = { failed: "Failed", needs_attention: "Needs attention" } as const;

export function formatMoment(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
}

function formatDay(date: Date, timeZone: string): string {
  return date.toLocaleDateString("en-GB", { timeZone, day: "numeric", month: "short" });
}

/** "2 Mar – 8 Mar": the end is exclusive, so the last day shown is the one before it. */
export function periodLabel(review: Pick<SyncReview, "periodStart" | "periodEnd" | "timeZone">): string {
  const first = formatDay(new Date(review.periodStart), review.timeZone);
  const last = formatDay(new Date(Date.parse(review.periodEnd) - 1), review.timeZone);
  return first === last ? first : `${first} – ${last}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The three lists of the review, in the order the mapping owner should read them. */
export function reviewSections(review: SyncReview): ReviewSection[] {
  const at = (iso: string) => formatMoment(iso, review.timeZone);
  return [
    {
      title: "Failed syncs",
      total: review.counts.failedSyncs,
      empty: "No sync failed.",
      lines: review.failedSyncs.map((run) => ({
        text: `${at(run.at)} · ${run.flowName} · ${run.summary || "(no summary)"} · ${FAILED_STATUS[run.status]}${run.replayedByRunId ? " · replayed since" : ""}`,
        detail: run.error,
        url: run.url,
      })),
    },
    {
      title: "Duplicates found by the identity service",
      total: review.counts.duplicates,
      empty: "No duplicate customer found.",
      lines: review.duplicates.map((duplicate) => ({
        text: `${at(duplicate.at)} · ${duplicate.provider} · ${duplicate.customer} · ${duplicate.detail} (${duplicate.status})`,
        detail: duplicate.flowName ? `Found by the flow ${duplicate.flowName}` : null,
        url: duplicate.url,
      })),
    },
    {
      title: "Canceled appointments whose invoice is still open",
      total: review.counts.canceledStillOpen,
      empty: "Every canceled appointment's invoice is closed.",
      lines: review.canceledStillOpen.map((item) => ({
        text: `${at(item.canceledAt)} · ${item.summary || `Booking ${item.bookingUid}`} · invoice ${item.invoiceNumber ?? item.invoiceId} (${item.invoiceStatus ?? "unknown status"})`,
        detail: `Booking ${item.bookingUid}, canceled by the flow ${item.flowName}`,
        url: item.url,
      })),
    },
  ];
}
