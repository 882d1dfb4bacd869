import { can } from "@handoff/auth/roles";
import { PageHeader } from "@handoff/ui";
import Link from "next/link";
import { requirePagePermission } from "~/server/auth";
import { AttentionQueue } from "./attention-queue";

export const dynamic = "force-dynamic";

export default async function NeedsAttentionPage() {
  const member = await requirePagePermission("runs.read");
  return (
    <>
      <PageHeader
        title="Needs attention"
        description="Runs that ran out of retries, identity conflicts and rejected deliveries. Each stays here until someone retries, resolves or dismisses it."
        actions={
          <Link className="ho-button ho-button-secondary" href="/runs">
            All runs
          </Link>
        }
      />
      <AttentionQueue canOperate={can(member.role, "runs.operate")} currentUserId={member.userId} />
    </>
  );
}
