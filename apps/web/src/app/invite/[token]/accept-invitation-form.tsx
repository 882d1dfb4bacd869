"use client";

import { Button, Field } from "@handoff/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, type ReactNode, useState } from "react";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<ReactNode>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const joined = await join({ token, name, password });
    if ("error" in joined) {
      setPending(false);
      return setError(joined.error);
    }
    const result = await signIn("credentials", { email: joined.email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      return setError(
        <>
          You joined the workspace, but signing you in failed. <Link href="/login">Sign in</Link> with your email and
          password.
        </>,
      );
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error ? (
        <p role="alert" className="ho-error">
          {error}
        </p>
      ) : null}
      <Field label="Email" name="email" type="email" value={email} readOnly autoComplete="username" />
      <Field label="Name" name="name" autoComplete="name" required maxLength={200} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={8} />
      <p className="ho-muted" style={{ marginTop: "-0.5rem", marginBottom: "1rem", fontSize: "0.85rem" }}>
        At least 8 characters. Already have a Handoff account with this email? Enter its password instead.
      </p>
      <Button type="submit" disabled={pending} style={{ width: "100%" }}>
        {pending ? "Joining…" : "Join workspace"}
      </Button>
    </form>
  );
}

async function join(body: { token: string; name: string; password: string }) {
  try {
    const response = await fetch("/api/invitations/accept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => null)) as { email?: string; error?: string } | null;
    if (response.ok && answer?.email) return { email: answer.email };
    return { error: answer?.error ?? `Could not join the workspace (HTTP ${response.status}); try again.` };
  } catch {
    return { error: "Could not reach Handoff; check your connection and try again." };
  }
}
