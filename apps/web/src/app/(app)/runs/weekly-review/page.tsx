import { PageHeader } from "@handoff/ui";
import Link from "next/link";
import { requirePagePermission } from "~/server/auth";
import { WeeklyReview } from "./weekly-review";

export const dynamic = "force-dynamic";

export default async function WeeklyReviewPage() {
  await requirePagePermission("runs.read");
  return (
    <>
      <PageHeader
        title="Weekly sync review"
        description="Failed syncs, duplicate customers and canceled appointments still invoiced: what to fix this week."
        actions={<Link href="/runs">All runs</Link>}
      />
      <WeeklyReview />
    </>
  );
}
