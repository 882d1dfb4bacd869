import { randomBytes } from "node:crypto";
import { type Role, ZRole } from "@handoff/auth";
import { asc, createDb, schema } from "@handoff/db";
import { createUser, createWorkspace } from "@handoff/services";
import { readCliEnv } from "../env";
import { withDatabaseUrl } from "../with-database";

export interface CreateUserCommandOptions {
  email: string;
  role: string;
  name?: string;
  password?: string;
}

/**
 * Adds a person to the workspace. On an empty database the first user must be the owner, and the
 * workspace is created with them. Without --password one is generated and printed once.
 */
export async function createUserCommand(options: CreateUserCommandOptions): Promise<void> {
  const role = ZRole.safeParse(options.role);
  if (!role.success) throw new Error(`--role must be one of owner, editor, operator, viewer (got "${options.role}")`);
  const password = options.password ?? randomBytes(12).toString("base64url");
  await withDatabaseUrl(readCliEnv(), async (databaseUrl) => {
    const database = createDb({ connectionString: databaseUrl, max: 1, applicationName: "handoff-cli" });
    try {
      const workspaceId = await firstWorkspaceId(database.db, role.data);
      const user = await createUser({
        db: database.db,
        workspaceId,
        email: options.email,
        password,
        role: role.data,
        name: options.name ?? "",
      });
      process.stdout.write(`created ${user.email} (${role.data})\n`);
      if (!options.password) process.stdout.write(`password: ${password}\n`);
    } finally {
      await database.close();
    }
  });
}

async function firstWorkspaceId(db: ReturnType<typeof createDb>["db"], role: Role): Promise<string> {
  const [workspace] = await db
    .select({ id: schema.workspaces.id })
    .from(schema.workspaces)
    .orderBy(asc(schema.workspaces.createdAt))
    .limit(1);
  if (workspace) return workspace.id;
  if (role !== "owner") throw new Error("The first user of a new installation must be the owner (--role owner)");
  return (await createWorkspace({ db, name: "My Workspace" })).id;
}
