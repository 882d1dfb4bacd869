import type { Database } from "@handoff/db";
import { authenticateUser } from "./authenticate-user";
import type { LoginThrottle } from "./login-throttle";

export interface SignInWithPasswordOptions {
  db: Database;
  throttle: LoginThrottle;
  email: string;
  password: string;
  clientAddress: string;
}

export type SignInResult =
  | { outcome: "signed_in"; user: NonNullable<Awaited<ReturnType<typeof authenticateUser>>> }
  | { outcome: "refused" }
  | { outcome: "throttled"; retryAfterSeconds: number };

/**
 * The whole sign-in decision: a locked account or address is refused before the password is
 * even checked; a failure counts against both; "refused" never says whether the account exists.
 */
export async function signInWithPassword({
  db,
  throttle,
  email,
  password,
  clientAddress,
}: SignInWithPasswordOptions): Promise<SignInResult> {
  const verdict = await throttle.check(email, clientAddress);
  if (!verdict.allowed) return { outcome: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  const user = await authenticateUser({ db, email, password });
  if (!user) {
    await throttle.recordFailure(email, clientAddress);
    return { outcome: "refused" };
  }
  await throttle.recordSuccess(email);
  return { outcome: "signed_in", user };
}
