import { hash, verify } from "@node-rs/argon2";

/** Argon2id with the library's defaults (memory-hard; 19 MiB, t=2), per OWASP's recommendation. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a crash that reveals which accounts exist.
    return false;
  }
}

/** Spent on unknown accounts too, so the time a login takes never says whether the account exists. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hash("handoff-dummy-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
