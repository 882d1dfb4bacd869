import type { Database } from "@handoff/db";
import { installTemplate, listConnections } from "@handoff/services";
import { getTemplate, type TemplateDefinition, templates } from "@handoff/templates";
import type { Command } from "commander";
import { printJson, withServices } from "../with-services";

/** What `templates list --json` prints per template (a stable shape, see docs/cli.md). */
export function describeTemplate(template: TemplateDefinition) {
  return {
    slug: template.slug,
    title: template.title,
    outcome: template.outcome,
    category: template.category,
    providers: [...new Set(template.connections.map((role) => role.provider))],
    connections: template.connections.map(({ role, provider, label }) => ({ role, provider, label })),
    fields: template.fields.map(({ key, label, default: value }) => ({ key, label, default: value })),
  };
}

/** `provider=id` (or `role=id`) and `key=value` options, repeated; the last one for a key wins. */
export function collectPair(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf("=");
  if (at <= 0) throw new Error(`expected <key>=<value>, got "${value}"`);
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1) };
}

/**
 * Each role gets the connection named on the command line (by role or provider), else the
 * workspace's one test connection of its provider; none, or several, is an error saying which.
 */
export async function chooseConnections(options: {
  db: Database;
  workspaceId: string;
  template: TemplateDefinition;
  given: Readonly<Record<string, string>>;
}): Promise<Record<string, string>> {
  const { template, given } = options;
  const keys = new Set(template.connections.flatMap((role) => [role.role, role.provider]));
  const unknown = Object.keys(given).filter((key) => !keys.has(key));
  if (unknown.length > 0) {
    const providers = [...new Set(template.connections.map((role) => role.provider))].join(", ");
    throw new Error(`"${template.slug}" uses no connection "${unknown.join('", "')}" (it uses ${providers})`);
  }
  const chosen: Record<string, string> = {};
  for (const role of template.connections) {
    const explicit = given[role.role] ?? given[role.provider];
    if (explicit) {
      chosen[role.role] = explicit;
      continue;
    }
    const tests = await listConnections({ ...options, provider: role.provider, environment: "test" });
    const [only, ...others] = tests;
    if (!only) {
      throw new Error(
        `No test ${role.provider} connection for "${role.label}": add one, or pass --connection ${role.provider}=<connectionId>`,
      );
    }
    if (others.length > 0) {
      const names = tests.map((connection) => `${connection.name} (${connection.id})`).join(", ");
      throw new Error(
        `Several test ${role.provider} connections (${names}): choose one with --connection ${role.provider}=<connectionId>`,
      );
    }
    chosen[role.role] = only.id;
  }
  return chosen;
}

interface InstallCommandOptions {
  publish?: boolean;
  connection?: Record<string, string>;
  field?: Record<string, string>;
  name?: string;
}

/** `handoff templates …`: the gallery from the command line. */
export function registerTemplateCommands(program: Command): void {
  const command = program.command("templates").description("ready-made flows for the common handoffs");

  command
    .command("list")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) => {
      if (options.json) return printJson(templates.map(describeTemplate));
      for (const template of templates) {
        const providers = describeTemplate(template).providers.join(", ");
        process.stdout.write(
          `${template.slug.padEnd(36)}  ${template.category.padEnd(12)}  ${template.title} (${providers})\n`,
        );
      }
    });

  command
    .command("install <slug>")
    .description("create a flow from a template, with the workspace's test connections unless told otherwise")
    .option("--publish", "publish and activate it right away (else a draft to adjust in the editor)")
    .option("--connection <provider=id>", "use this connection for a provider (or role); repeatable", collectPair)
    .option("--field <key=value>", "set a template field (see `templates list --json`); repeatable", collectPair)
    .option("--name <name>", "the flow's name (default: the template's title; copies get (2), (3)…)")
    .action((slug: string, options: InstallCommandOptions) =>
      withServices(async ({ db, workspaceId, secretBox, publicUrl }) => {
        const template = getTemplate(slug);
        if (!template) {
          throw new Error(`There is no template "${slug}" (see \`handoff templates list\`)`);
        }
        const workspace = await workspaceId();
        const connections = await chooseConnections({
          db,
          workspaceId: workspace,
          template,
          given: options.connection ?? {},
        });
        const installed = await installTemplate({
          db,
          workspaceId: workspace,
          actorUserId: null,
          slug,
          connections,
          fields: options.field ?? {},
          publish: options.publish ?? false,
          ...(options.name ? { name: options.name } : {}),
          secretBox,
          publicUrl,
        });
        printJson({ ...installed, slug, connections });
      }),
    );
}
