import { ROLE_LABELS } from "@handoff/auth/roles";
import { getInvitation, type InvitationState, type InvitationView } from "@handoff/services";
import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "~/server/db";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Join a workspace · Handoff",
  // The token is in this page's address: never hand it to another site in a Referer header.
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

/** Why a link cannot be used, in the invitee's terms, with what to do next. */
const UNUSABLE: Record<Exclude<InvitationState, "pending"> | "unknown", { title: string; description: string }> = {
  unknown: {
    title: "This invite link is not valid",
    description: "Check that you copied the whole link, or ask the person who invited you for a new one.",
  },
  expired: {
    title: "This invite link has expired",
    description: "Invite links work for 7 days. Ask the person who invited you for a new one.",
  },
  revoked: {
    title: "This invitation was withdrawn",
    description: "Ask the person who invited you for a new link if you still need access.",
  },
  accepted: {
    title: "This invitation has already been used",
    description: "Sign in with the email and password chosen when it was accepted.",
  },
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation({ db: getDb(), token });
  return (
    <div className="ho-auth">
      <div className="ho-auth-card">
        {invitation?.state === "pending" ? (
          <PendingInvitation invitation={invitation} token={token} />
        ) : (
          <UnusableInvitation reason={invitation?.state ?? "unknown"} />
        )}
      </div>
    </div>
  );
}

function PendingInvitation({ invitation, token }: { invitation: InvitationView; token: string }) {
  return (
    <>
      <h1>
        Join {invitation.workspaceName} as {ROLE_LABELS[invitation.role]}
      </h1>
      <p className="ho-muted" style={{ marginBottom: "1.25rem" }}>
        Choose your name and a password to finish joining Handoff.
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} />
    </>
  );
}

function UnusableInvitation({ reason }: { reason: keyof typeof UNUSABLE }) {
  const { title, description } = UNUSABLE[reason];
  return (
    <>
      <h1>{title}</h1>
      <p className="ho-muted" style={{ marginBottom: "1.25rem" }}>
        {description}
      </p>
      <Link href="/login">Go to sign in</Link>
    </>
  );
}
