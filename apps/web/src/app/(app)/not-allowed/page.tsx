import { ROLE_LABELS } from "@handoff/auth/roles";
import { EmptyState, PageHeader } from "@handoff/ui";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionMember } from "~/server/auth";

export default async function NotAllowedPage() {
  const member = await getSessionMember();
  if (!member) redirect("/login");
  return (
    <>
      <PageHeader title="Not available to your role" />
      <EmptyState
        title={`A ${ROLE_LABELS[member.role]} cannot open that page`}
        description="Ask the workspace owner if you need it."
        action={<Link href="/">Back to the dashboard</Link>}
      />
    </>
  );
}
