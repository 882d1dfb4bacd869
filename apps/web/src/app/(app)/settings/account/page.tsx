import { ROLE_LABELS } from "@handoff/auth/roles";
import { PageHeader } from "@handoff/ui";
import Link from "next/link";
import { requirePagePermission } from "~/server/auth";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const member = await requirePagePermission("account.manage");
  return (
    <>
      <PageHeader
        title="Your account"
        description={`Your sign-in for ${member.workspaceName}.`}
        actions={<Link href="/settings">Back to settings</Link>}
      />
      <section className="ho-panel" aria-labelledby="account-heading">
        <h2 id="account-heading">Signed in as</h2>
        <dl>
          <dt className="ho-muted">Email</dt>
          <dd data-testid="account-email">{member.email}</dd>
          {member.name ? (
            <>
              <dt className="ho-muted">Name</dt>
              <dd>{member.name}</dd>
            </>
          ) : null}
          <dt className="ho-muted">Role</dt>
          <dd data-testid="account-role">{ROLE_LABELS[member.role]}</dd>
        </dl>
      </section>
      <section className="ho-panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p className="ho-muted">
          Left Handoff open on a shared or lost computer? Signing out everywhere ends every session of your account, in
          every browser, this one included.
        </p>
        <SignOutEverywhereButton />
      </section>
    </>
  );
}
