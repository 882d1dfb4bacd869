import { count, type Database, schema } from "@handoff/db";
import { createUser } from "../users/create-user";
import { createWorkspace } from "./create-workspace";

export interface SeedDemoWorkspaceOptions {
  db: Database;
  ownerEmail: string;
  ownerPassword: string;
}

/**
 * First start on the embedded default: a demo workspace and its owner. Does nothing once any
 * workspace exists, so restarts keep whatever the owner changed.
 */
export async function seedDemoWorkspace({ db, ownerEmail, ownerPassword }: SeedDemoWorkspaceOptions) {
  const [existing] = await db.select({ n: count() }).from(schema.workspaces);
  if ((existing?.n ?? 0) > 0) return { created: false as const };
  const workspace = await createWorkspace({ db, name: "Demo Workspace" });
  const owner = await createUser({
    db,
    workspaceId: workspace.id,
    email: ownerEmail,
    password: ownerPassword,
    role: "owner",
    name: "Demo Owner",
  });
  return { created: true as const, workspace, owner };
}
