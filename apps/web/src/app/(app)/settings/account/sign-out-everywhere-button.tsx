"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTRPC } from "~/trpc/react";

export function SignOutEverywhereButton() {
  const trpc = useTRPC();
  const signOutEverywhere = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      // The server has already ended this session too; this clears its cookie and leaves the page.
      onSuccess: () => signOut({ callbackUrl: "/login" }),
    }),
  );
  return (
    <>
      {signOutEverywhere.isError ? (
        <p role="alert" className="ho-error">
          Could not sign out everywhere: {signOutEverywhere.error.message}
        </p>
      ) : null}
      <Button variant="danger" disabled={signOutEverywhere.isPending} onClick={() => signOutEverywhere.mutate()}>
        {signOutEverywhere.isPending ? "Signing out everywhere…" : "Sign out everywhere"}
      </Button>
    </>
  );
}
