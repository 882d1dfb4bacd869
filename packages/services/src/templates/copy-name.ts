import { and, type Database, eq, isNull, schema, sql } from "@handoff/db";

/**
 * `base`, or `base (2)`, `base (3)`… — the first name no live flow of the workspace has, so a
 * template installed twice gives copies told apart at a glance. Two installs at the very same
 * moment may pick the same name: names are labels, not keys, so that is left to a rename.
 */
export async function nextCopyName({
  db,
  workspaceId,
  base,
}: {
  db: Database;
  workspaceId: string;
  base: string;
}): Promise<string> {
  const rows = await db
    .select({ name: schema.flows.name })
    .from(schema.flows)
    .where(
      and(
        eq(schema.flows.workspaceId, workspaceId),
        isNull(schema.flows.deletedAt),
        sql`starts_with(${schema.flows.name}, ${base})`,
      ),
    );
  const taken = new Set(rows.map((row) => row.name));
  if (!taken.has(base)) return base;
  let copy = 2;
  while (taken.has(`${base} (${copy})`)) copy += 1;
  return `${base} (${copy})`;
}
