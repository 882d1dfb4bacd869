import { PageHeader } from "@handoff/ui";
import Link from "next/link";
import { requirePagePermission } from "~/server/auth";
import { WorkspaceSettingsForm } from "./workspace-settings-form";

export const dynamic = "force-dynamic";

export default async function WorkspaceSettingsPage() {
  const member = await requirePagePermission("workspace.manage");
  return (
    <>
      <PageHeader
        title="Workspace"
        description={`Who reviews ${member.workspaceName}'s syncs every week, and how long run history is kept.`}
        actions={<Link href="/settings">Back to settings</Link>}
      />
      <WorkspaceSettingsForm />
    </>
  );
}
