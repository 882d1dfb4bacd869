"use client";

import { Button } from "@handoff/ui";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <Button variant="secondary" onClick={() => void signOut({ callbackUrl: "/login" })}>
      Sign out
    </Button>
  );
}
