import { ROLE_LABELS, ROLES } from "@handoff/auth/roles";
import { PageHeader } from "@handoff/ui";
import Link from "next/link";
import { requirePagePermission } from "~/server/auth";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";
import type { RoleOption } from "./role-options";

export const dynamic = "force-dynamic";

export default async function PeoplePage() {
  const member = await requirePagePermission("members.manage");
  const roleOptions: RoleOption[] = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  return (
    <>
      <PageHeader
        title="People and roles"
        description={`Who can use ${member.workspaceName}, and what each person may do.`}
        actions={<Link href="/settings">Back to settings</Link>}
      />
      <InviteForm roleOptions={roleOptions} />
      <MembersTable roleOptions={roleOptions} currentUserId={member.userId} />
      <InvitationsTable roleOptions={roleOptions} />
    </>
  );
}
