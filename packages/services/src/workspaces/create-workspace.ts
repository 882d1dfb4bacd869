import { type Database, schema } from "@handoff/db";

export interface CreateWorkspaceOptions {
  db: Database;
  name: string;
  timeZone?: string;
  defaultCountry?: string;
}

export async function createWorkspace({ db, name, timeZone = "UTC", defaultCountry = "US" }: CreateWorkspaceOptions) {
  const [workspace] = await db.insert(schema.workspaces).values({ name, timeZone, defaultCountry }).returning();
  if (!workspace) throw new Error("Inserting the workspace returned no row");
  return workspace;
}
