import { PageHeader } from "@handoff/ui";
import { requirePagePermission } from "~/server/auth";
import { SyncHealthDashboard } from "./dashboard/sync-health-dashboard";
import { WorkspaceOverview } from "./workspace-overview";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  // The dashboard is made of run history numbers: the permission that reads runs.
  await requirePagePermission("runs.read");
  return (
    <>
      <PageHeader title="Dashboard" description="How your handoffs between tools are doing." />
      <WorkspaceOverview />
      <SyncHealthDashboard />
    </>
  );
}
