// Shared by this folder's database tests; not exported from the package.
import type { Role } from "@handoff/auth";
import type { Database } from "@handoff/db";
import type { TestDatabase } from "@handoff/db/testing";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";

export const FIXTURE_PASSWORD = "correct-horse-1";

/** A workspace with one owner, as the CLI's create-user leaves it. */
export async function createWorkspaceWithOwner(db: Database, name = "Acme Plumbing") {
  const workspace = await createWorkspace({ db, name });
  const owner = await createUser({
    db,
    workspaceId: workspace.id,
    email: `owner@${slug(name)}.test`,
    password: FIXTURE_PASSWORD,
    role: "owner",
  });
  return { workspaceId: workspace.id, ownerId: owner.id };
}

export async function addMember(db: Database, workspaceId: string, email: string, role: Role) {
  const user = await createUser({ db, workspaceId, email, password: FIXTURE_PASSWORD, role });
  return user.id;
}

function slug(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  target_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

/** Audit rows of one action, oldest first. */
export async function auditRows(pool: Pick<TestDatabase["pool"], "query">, action: string) {
  const result = await pool.query<AuditRow>(
    "select action, actor_user_id, target_id, before, after, reason from audit_log where action = $1 order by id",
    [action],
  );
  return result.rows;
}

/** Every audit row as one string, to prove a secret never reached the trail. */
export async function wholeAuditLog(pool: Pick<TestDatabase["pool"], "query">) {
  const result = await pool.query("select * from audit_log");
  return JSON.stringify(result.rows);
}
