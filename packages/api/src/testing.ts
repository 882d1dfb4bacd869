import { createSecretBox } from "@handoff/auth";
import type { Database } from "@handoff/db";
import type { SessionMember } from "@handoff/services";
import type { ApiContext } from "./context";

/** A fixed key for tests: the same bytes every run, never used outside tests. */
export const TEST_API_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");

/** The context a procedure gets in tests: a real database, a member (or none), a test key. */
export function testApiContext(db: Database, member: SessionMember | null): ApiContext {
  return { db, member, secretBox: createSecretBox(TEST_API_SECRET_KEY), publicUrl: "http://127.0.0.1:3000" };
}
