import { PageHeader } from "@handoff/ui";
import { requirePagePermission } from "~/server/auth";
import { AuditTrail } from "./audit-trail";

export default async function AuditPage() {
  await requirePagePermission("audit.read");
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change in this workspace: who made it, when, and what it was before and after."
      />
      <AuditTrail />
    </>
  );
}
