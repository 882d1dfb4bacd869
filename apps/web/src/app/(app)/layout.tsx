import { ROLE_LABELS } from "@handoff/auth/roles";
import { AppShell } from "@handoff/ui";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSessionMember } from "~/server/auth";
import { TRPCReactProvider } from "~/trpc/react";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const member = await getSessionMember();
  if (!member) redirect("/login");
  return (
    <TRPCReactProvider>
      <AppShell
        nav={<MainNav role={member.role} />}
        account={
          <>
            <span className="ho-muted">{member.workspaceName}</span>
            <span data-testid="signed-in-as">
              {member.email} · {ROLE_LABELS[member.role]}
            </span>
            <SignOutButton />
          </>
        }
      >
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
