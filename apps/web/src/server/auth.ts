import "server-only";
import { createAuthOptions } from "@handoff/auth/next-auth";
import { authenticateUser, resolveSessionMember, type SessionMember } from "@handoff/services";
import type { AuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import { readWebEnv } from "~/env";
import { getDb } from "./db";

let options: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  options ??= createAuthOptions({
    secret: readWebEnv().NEXTAUTH_SECRET,
    authorizeCredentials: (email, password) => authenticateUser({ db: getDb(), email, password }),
  });
  return options;
}

/** The member behind the current request's session, checked against the database; null if none. */
export async function getSessionMember(): Promise<SessionMember | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.userId) return null;
  return resolveSessionMember({ db: getDb(), userId: session.userId, sessionVersion: session.sessionVersion });
}
