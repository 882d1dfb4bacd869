import type { Database } from "@handoff/db";
import type { SessionMember } from "@handoff/services";

/** What every procedure receives: the database and the member the session speaks for (or null). */
export interface ApiContext {
  db: Database;
  member: SessionMember | null;
}
