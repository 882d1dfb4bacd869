import { can } from "@handoff/auth/roles";
import { PageHeader } from "@handoff/ui";
import { Suspense } from "react";
import { requirePagePermission } from "~/server/auth";
import { NeedsAttentionLink } from "./runs-list/needs-attention-link";
import { RunsHistory } from "./runs-list/runs-history";

export const dynamic = "force-dynamic";

export default async function RunsPage() {
  const member = await requirePagePermission("runs.read");
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every run of every flow, step by step, searchable by customer or invoice."
        actions={<NeedsAttentionLink />}
      />
      {/* The filters are read from the URL in the browser. */}
      <Suspense fallback={<p className="ho-muted">Loading runs…</p>}>
        <RunsHistory canOperate={can(member.role, "runs.operate")} />
      </Suspense>
    </>
  );
}
