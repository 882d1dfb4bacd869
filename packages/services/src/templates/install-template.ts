import type { SecretBox } from "@handoff/auth";
import { needsConnection, propsSchemaFor } from "@handoff/connectors";
import type { Database } from "@handoff/db";
import { type FlowDocument, parseFlowDocument, validateFlow } from "@handoff/flow-core";
import { getTemplate, instantiateTemplate, type TemplateDefinition } from "@handoff/templates";
import { createFlow } from "../flows/create-flow";
import { PublishRefusedError } from "../flows/errors";
import { publishFlow } from "../flows/publish-flow";
import { type SubscriptionChange, syncTriggerSubscription } from "../subscriptions/sync-trigger-subscription";
import { checkTemplateConnections, checkTemplateFields } from "./check-template-inputs";
import { nextCopyName } from "./copy-name";
import { TemplateNotFoundError } from "./template-errors";
import { templateFieldsFor } from "./workspace-field-defaults";

const MAX_NAME_LENGTH = 200;

export interface InstallTemplateOptions {
  db: Database;
  workspaceId: string;
  actorUserId: string | null;
  slug: string;
  /** Connection id per role of the template. */
  connections: Readonly<Record<string, string>>;
  /** Field values by key; fields left out keep the template's defaults. */
  fields?: Readonly<Record<string, string>>;
  /** Publish (and so activate) the flow right away instead of leaving a draft to adjust. */
  publish: boolean;
  /** The flow's name; the template's title when empty. Copies get " (2)", " (3)"… */
  name?: string;
  /** Publishing registers the trigger's webhook at the provider, which needs these. */
  secretBox: SecretBox;
  publicUrl: string;
}

export interface InstalledTemplate {
  flowId: string;
  name: string;
  publishedVersion: number | null;
  /** What publishing did at the trigger's provider; null for a draft. */
  subscription: SubscriptionChange | null;
  /**
   * The provider refused or could not be reached while registering the webhook: the flow is
   * published and active, and resuming it (or publishing again) retries the registration.
   */
  subscriptionError: string | null;
}

/** Publishing is checked before anything is created, so a refused publish leaves no stray draft. */
function refuseUnpublishable(graph: FlowDocument): void {
  const parsed = parseFlowDocument(graph);
  if (!parsed.ok) {
    throw new PublishRefusedError(
      parsed.issues.map((issue) => ({ code: "invalid_document", message: `${issue.path}: ${issue.message}` })),
    );
  }
  const problems = validateFlow(parsed.document, { connectors: propsSchemaFor, needsConnection });
  if (problems.length > 0) throw new PublishRefusedError(problems);
}

async function subscribe(options: InstallTemplateOptions, flowId: string) {
  try {
    const subscription = await syncTriggerSubscription({ ...options, flowId });
    return { subscription, subscriptionError: null };
  } catch (error) {
    return { subscription: null, subscriptionError: error instanceof Error ? error.message : String(error) };
  }
}

function requireTemplate(slug: string): TemplateDefinition {
  const template = getTemplate(slug);
  if (!template) throw new TemplateNotFoundError(slug);
  return template;
}

/**
 * Creates a flow from a template: each role's connection set on its steps, the field values
 * written in, named after the template (or `name`) with a copy number when taken. The creation is
 * audited as `flow.created` with the template's slug. With `publish`, the flow goes through the
 * normal publish (an invalid result is refused with its problems, before anything is created),
 * becomes active and its trigger is registered at the provider, as publishing in the editor does.
 */
export async function installTemplate(options: InstallTemplateOptions): Promise<InstalledTemplate> {
  const { db, workspaceId, actorUserId, connections } = options;
  const template = requireTemplate(options.slug);
  checkTemplateFields(template, options.fields ?? {});
  // Fields left out take the workspace's own defaults where the template says so (its time zone).
  const fromWorkspace = (await templateFieldsFor({ db, workspaceId, template })).filter((field) => field.fromWorkspace);
  const fields = {
    ...Object.fromEntries(fromWorkspace.map((field) => [field.key, field.default])),
    ...options.fields,
  };
  await checkTemplateConnections({ db, workspaceId, template, connections });
  const graph = instantiateTemplate(template, { connections, fields });
  if (options.publish) refuseUnpublishable(graph);

  const base = (options.name?.trim() || template.title).slice(0, MAX_NAME_LENGTH);
  const name = await nextCopyName({ db, workspaceId, base });
  const flow = await createFlow({
    db,
    workspaceId,
    name,
    description: template.outcome,
    graph,
    actorUserId,
    auditDetails: { template: template.slug, connections: { ...connections } },
  });
  if (!options.publish) {
    return { flowId: flow.id, name, publishedVersion: null, subscription: null, subscriptionError: null };
  }
  const version = await publishFlow({
    db,
    flowId: flow.id,
    message: `Installed from the template "${template.title}"`,
    actorUserId,
  });
  return { flowId: flow.id, name, publishedVersion: version.number, ...(await subscribe(options, flow.id)) };
}
