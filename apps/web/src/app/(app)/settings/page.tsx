import { can, type Permission, ROLE_LABELS } from "@handoff/auth/roles";
import { PageHeader } from "@handoff/ui";
import Link from "next/link";
import { requirePagePermission } from "~/server/auth";

const SECTIONS: readonly { href: string; title: string; description: string; permission: Permission }[] = [
  {
    href: "/settings/people",
    title: "People and roles",
    description: "Invite people by link, change their roles, remove them.",
    permission: "members.manage",
  },
  {
    href: "/settings/workspace",
    title: "Workspace",
    description: "Who gets the weekly sync review, and how long run history is kept.",
    permission: "workspace.manage",
  },
  {
    href: "/settings/audit",
    title: "Audit trail",
    description: "Every change: who made it, when, and what it was before and after.",
    permission: "audit.read",
  },
  {
    href: "/settings/customers",
    title: "Customer data",
    description: "Export or erase everything Handoff holds about one customer.",
    permission: "customers.manage",
  },
  {
    href: "/settings/account",
    title: "Your account",
    description: "Sign out of every browser at once.",
    permission: "account.manage",
  },
];

export default async function SettingsPage() {
  const member = await requirePagePermission("account.manage");
  return (
    <>
      <PageHeader
        title="Settings"
        description={`${member.workspaceName} · you are signed in as ${ROLE_LABELS[member.role]}.`}
      />
      <ul className="ho-settings-list">
        {SECTIONS.filter((section) => can(member.role, section.permission)).map((section) => (
          <li key={section.href}>
            <Link href={section.href}>{section.title}</Link>
            <p className="ho-muted">{section.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
