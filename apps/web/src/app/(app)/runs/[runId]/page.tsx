import { can } from "@handoff/auth/roles";
import { notFound } from "next/navigation";
import { requirePagePermission } from "~/server/auth";
import { RunDetailView } from "./run-detail-view";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const member = await requirePagePermission("runs.read");
  const { runId } = await params;
  if (!UUID.test(runId)) notFound();
  return <RunDetailView runId={runId} canOperate={can(member.role, "runs.operate")} />;
}
