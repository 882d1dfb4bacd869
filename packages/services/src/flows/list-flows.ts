import { and, type Database, desc, eq, isNull, schema, sql } from "@handoff/db";
import { NotFoundError } from "./errors";

/**
 * Flows of a workspace, newest change first, with what the flows page shows: the published
 * version, the owner, and the latest run and its outcome (one index probe per flow).
 */
export async function listFlows({ db, workspaceId }: { db: Database; workspaceId: string }) {
  const rows = await db
    .select({
      id: schema.flows.id,
      name: schema.flows.name,
      status: schema.flows.status,
      hookId: schema.flows.hookId,
      published: sql<boolean>`${schema.flows.currentVersionId} is not null`,
      version: sql<number | null>`(select number from flow_versions v where v.id = ${schema.flows.currentVersionId})`,
      publishedAt: sql<
        string | null
      >`(select created_at from flow_versions v where v.id = ${schema.flows.currentVersionId})`,
      ownerEmail: schema.users.email,
      ownerName: schema.users.name,
      lastRun: sql<{ id: string; status: string; createdAt: string } | null>`(
        select json_build_object('id', r.id, 'status', r.status, 'createdAt', r.created_at)
        from flow_runs r where r.flow_id = ${schema.flows.id} and not r.is_test
        order by r.created_at desc, r.id desc limit 1)`,
      updatedAt: schema.flows.updatedAt,
    })
    .from(schema.flows)
    .leftJoin(schema.users, eq(schema.users.id, schema.flows.ownerUserId))
    .where(and(eq(schema.flows.workspaceId, workspaceId), isNull(schema.flows.deletedAt)))
    .orderBy(desc(schema.flows.updatedAt));
  return rows.map(({ publishedAt, lastRun, ...row }) => ({
    ...row,
    publishedAt: publishedAt ? new Date(publishedAt) : null,
    lastRun: lastRun ? { ...lastRun, createdAt: new Date(lastRun.createdAt) } : null,
  }));
}

/** One flow with its draft and the graph of its current version. */
export async function getFlow({ db, flowId, workspaceId }: { db: Database; flowId: string; workspaceId?: string }) {
  const [flow] = await db.select().from(schema.flows).where(eq(schema.flows.id, flowId));
  if (!flow || flow.deletedAt || (workspaceId && flow.workspaceId !== workspaceId)) {
    throw new NotFoundError(`Flow ${flowId} not found`);
  }
  const [current] = flow.currentVersionId
    ? await db.select().from(schema.flowVersions).where(eq(schema.flowVersions.id, flow.currentVersionId))
    : [];
  return { ...flow, currentVersion: current ?? null };
}
