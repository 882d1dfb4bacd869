import { and, type Database, desc, eq, isNull, schema, sql } from "@handoff/db";
import { NotFoundError } from "./errors";

/** Flows of a workspace with their current version number, newest first. */
export async function listFlows({ db, workspaceId }: { db: Database; workspaceId: string }) {
  return db
    .select({
      id: schema.flows.id,
      name: schema.flows.name,
      status: schema.flows.status,
      hookId: schema.flows.hookId,
      version: sql<number | null>`(select number from flow_versions v where v.id = ${schema.flows.currentVersionId})`,
      updatedAt: schema.flows.updatedAt,
    })
    .from(schema.flows)
    .where(and(eq(schema.flows.workspaceId, workspaceId), isNull(schema.flows.deletedAt)))
    .orderBy(desc(schema.flows.updatedAt));
}

/** One flow with its draft and the graph of its current version. */
export async function getFlow({ db, flowId }: { db: Database; flowId: string }) {
  const [flow] = await db.select().from(schema.flows).where(eq(schema.flows.id, flowId));
  if (!flow || flow.deletedAt) throw new NotFoundError(`Flow ${flowId} not found`);
  const [current] = flow.currentVersionId
    ? await db.select().from(schema.flowVersions).where(eq(schema.flowVersions.id, flow.currentVersionId))
    : [];
  return { ...flow, currentVersion: current ?? null };
}
