import "server-only";
import { can, type Permission } from "@handoff/auth";
import { createAuthOptions } from "@handoff/auth/next-auth";
import {
  createLoginThrottle,
  type LoginThrottle,
  resolveSessionMember,
  type SessionMember,
  signInWithPassword,
} from "@handoff/services";
import { redirect } from "next/navigation";
import type { AuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import { readWebEnv } from "~/env";
import { getDb } from "./db";

let options: AuthOptions | undefined;
let throttle: LoginThrottle | undefined;

export function getAuthOptions(): AuthOptions {
  options ??= createAuthOptions({
    secret: readWebEnv().NEXTAUTH_SECRET,
    authorizeCredentials: async (email, password, clientAddress) => {
      throttle ??= createLoginThrottle({ db: getDb() });
      const result = await signInWithPassword({ db: getDb(), throttle, email, password, clientAddress });
      if (result.outcome === "throttled") {
        const minutes = Math.ceil(result.retryAfterSeconds / 60);
        throw new Error(`Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
      }
      return result.outcome === "signed_in" ? result.user : null;
    },
  });
  return options;
}

/** The member behind the current request's session, checked against the database; null if none. */
export async function getSessionMember(): Promise<SessionMember | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.userId) return null;
  return resolveSessionMember({ db: getDb(), userId: session.userId, sessionVersion: session.sessionVersion });
}

/**
 * For server pages: the signed-in member when their role has the permission. No session sends
 * them to sign in; a role without the permission is sent to the "not for your role" page. The tRPC
 * procedures behind the page check again: this only keeps people off pages they cannot use.
 */
export async function requirePagePermission(permission: Permission): Promise<SessionMember> {
  const member = await getSessionMember();
  if (!member) redirect("/login");
  if (!can(member.role, permission)) redirect(`/not-allowed?need=${encodeURIComponent(permission)}`);
  return member;
}
