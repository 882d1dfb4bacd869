import { randomBytes } from "node:crypto";
import type { SecretBox } from "@handoff/auth";
import type { ActionConnection, JsonValue } from "@handoff/connector-sdk";
import { getTrigger } from "@handoff/connectors";
import { and, type Database, eq, ne, schema, sql } from "@handoff/db";
import { type FlowDocument, ZFlowDocument } from "@handoff/flow-core";
import { resolveConnection } from "../connections/resolve-connection";
import { NotFoundError } from "../flows/errors";

export interface SyncTriggerSubscriptionOptions {
  db: Database;
  secretBox: SecretBox;
  flowId: string;
  /** Where providers reach this installation, e.g. `https://handoff.example.com`. */
  publicUrl: string;
  log?: (message: string) => void;
}

export type SubscriptionChange = "subscribed" | "kept" | "unsubscribed" | "resubscribed" | "none";

type Row = typeof schema.triggerSubscriptions.$inferSelect;

/**
 * Makes the provider's registration match the flow: an active flow whose trigger can subscribe
 * is registered once (a republish with the same trigger and connection keeps it), a paused or
 * deleted one is removed, and a changed trigger or connection is moved over.
 */
export async function syncTriggerSubscription(options: SyncTriggerSubscriptionOptions): Promise<SubscriptionChange> {
  const { db, flowId } = options;
  const [flow] = await db.select().from(schema.flows).where(eq(schema.flows.id, flowId));
  if (!flow) throw new NotFoundError(`Flow ${flowId} not found`);
  const [existing] = await db
    .select()
    .from(schema.triggerSubscriptions)
    .where(eq(schema.triggerSubscriptions.flowId, flowId));
  const wanted = flow.status === "active" && !flow.deletedAt ? await wantedTrigger(db, flow.currentVersionId) : null;

  const same =
    existing &&
    wanted &&
    existing.connector === wanted.node.connector &&
    existing.trigger === wanted.node.operation &&
    existing.connectionId === (wanted.node.connectionId ?? null);
  if (same) return "kept";
  if (existing) await unsubscribe(options, flow.workspaceId, existing);
  if (!wanted) return existing ? "unsubscribed" : "none";

  const definition = getTrigger(wanted.node.connector, wanted.node.operation);
  if (definition?.kind !== "webhook" || !definition.subscribe || !wanted.node.connectionId) {
    return existing ? "unsubscribed" : "none";
  }
  const connection = await resolveConnection({
    db,
    secretBox: options.secretBox,
    workspaceId: flow.workspaceId,
    connectionId: wanted.node.connectionId,
  });
  const hookSecret = await ensureHookSecret(options, flow);
  const base = options.publicUrl.replace(/\/+$/, "");
  const subscription = await definition.subscribe({
    props: definition.props.parse(wanted.node.props),
    connection,
    hookUrl: `${base}/api/hooks/${flow.hookId}`,
    appHookUrl: (appKey) => `${base}/api/hooks/apps/${encodeURIComponent(appKey)}`,
    hookSecret,
    signal: AbortSignal.timeout(30_000),
    log: (message) => options.log?.(`[${flowId}] ${message}`),
  });
  await db.insert(schema.triggerSubscriptions).values({
    flowId,
    connectionId: wanted.node.connectionId,
    connector: wanted.node.connector,
    trigger: wanted.node.operation,
    state: subscription.state ?? null,
    signingSecretSealed: subscription.signingSecret ? options.secretBox.seal(subscription.signingSecret) : null,
    appKey: subscription.appKey ?? null,
  });
  return existing ? "resubscribed" : "subscribed";
}

async function wantedTrigger(db: Database, versionId: string | null) {
  if (!versionId) return null;
  const [version] = await db
    .select({ graph: schema.flowVersions.graph })
    .from(schema.flowVersions)
    .where(eq(schema.flowVersions.id, versionId));
  const parsed = ZFlowDocument.safeParse(version?.graph);
  const node = parsed.success ? triggerNode(parsed.data) : undefined;
  return node ? { node } : null;
}

function triggerNode(graph: FlowDocument) {
  const node = graph.nodes.find((candidate) => candidate.type === "trigger");
  return node?.type === "trigger" ? node : undefined;
}

/** Providers that let the subscriber choose the signing secret get the hook's own. */
async function ensureHookSecret(options: SyncTriggerSubscriptionOptions, flow: typeof schema.flows.$inferSelect) {
  if (flow.hookSecretSealed) return options.secretBox.open(flow.hookSecretSealed);
  const secret = randomBytes(24).toString("base64url");
  await options.db
    .update(schema.flows)
    .set({ hookSecretSealed: options.secretBox.seal(secret) })
    .where(eq(schema.flows.id, flow.id));
  return secret;
}

/**
 * Best effort at the provider (it may have forgotten the hook already); the row always goes. A
 * registration another flow still relies on (HubSpot's one subscription per event type and app)
 * is left in place.
 */
async function unsubscribe(options: SyncTriggerSubscriptionOptions, workspaceId: string, row: Row) {
  const definition = getTrigger(row.connector, row.trigger);
  const shared = await options.db
    .select({ flowId: schema.triggerSubscriptions.flowId })
    .from(schema.triggerSubscriptions)
    .where(
      and(
        eq(schema.triggerSubscriptions.connector, row.connector),
        ne(schema.triggerSubscriptions.flowId, row.flowId),
        sql`${schema.triggerSubscriptions.state} = ${JSON.stringify(row.state)}::jsonb`,
      ),
    )
    .limit(1);
  try {
    if (definition?.kind === "webhook" && definition.unsubscribe && row.connectionId && shared.length === 0) {
      const connection: ActionConnection = await resolveConnection({
        db: options.db,
        secretBox: options.secretBox,
        workspaceId,
        connectionId: row.connectionId,
      });
      await definition.unsubscribe({
        props: {},
        connection,
        hookUrl: "",
        hookSecret: "",
        appHookUrl: () => "",
        state: row.state as JsonValue,
        signal: AbortSignal.timeout(30_000),
        log: (message) => options.log?.(`[${row.flowId}] ${message}`),
      });
    }
  } catch (error) {
    options.log?.(`[${row.flowId}] could not remove the ${row.connector} subscription: ${String(error)}`);
  }
  await options.db.delete(schema.triggerSubscriptions).where(eq(schema.triggerSubscriptions.flowId, row.flowId));
}
