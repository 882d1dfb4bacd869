"use client";

import { Button, Field } from "@handoff/ui";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    // One message for every refusal, so it never says whether the account exists; a rate-limit
    // lock (which counts unknown accounts the same way) says how long to wait.
    if (!result || result.error) {
      const throttled = result?.error?.startsWith("Too many sign-in attempts");
      return setError(throttled && result?.error ? result.error : "That email and password do not match an account.");
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
      <Field label="Email" name="email" type="email" autoComplete="username" required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending} style={{ width: "100%" }}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
