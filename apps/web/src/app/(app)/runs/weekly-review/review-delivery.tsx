import Link from "next/link";
import { describeSchedule } from "./describe-schedule";
import type { SyncReviewView } from "./types";

/** Template 8 in the gallery: schedule → review → e-mail to the mapping owner. */
export const REVIEW_TEMPLATE_HREF = "/templates/weekly-sync-review";

/**
 * How the review reaches the mapping owner: the flow that e-mails it, or the way to set one up.
 * The e-mail is a normal flow, so it is logged and replayable like every other run.
 */
export function ReviewDelivery({ review }: { review: SyncReviewView }) {
  const flow = review.reviewFlow;
  if (!flow) {
    return (
      <p className="ho-notice">
        <Link href={REVIEW_TEMPLATE_HREF}>Email this to the mapping owner every week</Link>
      </p>
    );
  }
  const recipient = review.mappingOwner?.email ?? "the mapping owner";
  const when = flow.schedule ? ` ${describeSchedule(flow.schedule, review.timeZone)}` : "";
  return (
    <p className="ho-notice">
      Emailed to {recipient}
      {when} by the flow '<Link href={`/flows/${flow.flowId}`}>{flow.name}</Link>'
      {flow.active ? "" : " — paused, so nothing is sent until it is resumed"}
      {review.mappingOwner ? "" : " (no mapping owner is chosen yet: an owner sets one in Settings → Workspace)"}.
    </p>
  );
}
