import { PageHeader } from "@handoff/ui";
import { WorkspaceOverview } from "./workspace-overview";

export default function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="How your handoffs between tools are doing." />
      <WorkspaceOverview />
    </>
  );
}
