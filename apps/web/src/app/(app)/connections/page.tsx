import { can } from "@handoff/auth/roles";
import { PageHeader } from "@handoff/ui";
import { requirePagePermission } from "~/server/auth";
import { ConnectionsManager } from "./connections-manager";

export const dynamic = "force-dynamic";

export default async function ConnectionsPage() {
  const member = await requirePagePermission("connections.read");
  return (
    <>
      <PageHeader
        title="Connections"
        description="Your CRM, calendar, invoicing and email accounts, test and live. Secrets are encrypted and never shown again."
      />
      <ConnectionsManager canManage={can(member.role, "connections.manage")} />
    </>
  );
}
