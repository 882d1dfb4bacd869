import type { SecretBox } from "@handoff/auth";
import type { Database } from "@handoff/db";
import type { SessionMember } from "@handoff/services";

/** What every procedure receives: the database and the member the session speaks for (or null). */
export interface ApiContext {
  db: Database;
  member: SessionMember | null;
  /** Seals and opens connection credentials; only the server ever holds it. */
  secretBox: SecretBox;
  /** Where providers reach this installation, for webhook URLs and subscriptions. */
  publicUrl: string;
}
