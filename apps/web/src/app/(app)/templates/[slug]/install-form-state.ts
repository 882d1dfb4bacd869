import type { InstallTemplateInput, TemplateDetail, TemplateRole } from "../types";

/** What the person typed or picked; a role not in `chosen` shows its suggested connection. */
export interface InstallFormValues {
  chosen: Record<string, string>;
  fields: Record<string, string>;
  name: string;
}

export function initialInstallValues(template: TemplateDetail): InstallFormValues {
  return {
    chosen: {},
    fields: Object.fromEntries(template.fields.map((field) => [field.key, field.default])),
    name: template.title,
  };
}

/**
 * The connection shown for a role: the person's pick, else the suggested test connection. Kept
 * apart so a connection added in another tab is picked up when the list reloads.
 */
export function connectionFor(role: TemplateRole, chosen: Record<string, string>): string {
  return Object.hasOwn(chosen, role.role) ? (chosen[role.role] ?? "") : (role.suggestedConnectionId ?? "");
}

/** Why the form cannot be sent yet, one message per problem, or an empty list. */
export function installFormProblems(template: TemplateDetail, values: InstallFormValues): string[] {
  const problems = template.connections
    .filter((role) => connectionFor(role, values.chosen) === "")
    .map((role) => `Choose a ${role.provider.name} connection for "${role.label}"`);
  if (values.name.trim() === "") problems.push("Give the flow a name");
  return problems;
}

/**
 * The install call. The name is left to the server while it is the template's title, so a second
 * copy is named "Title (2)" rather than refused or duplicated.
 */
export function installInput(
  template: TemplateDetail,
  values: InstallFormValues,
  publish: boolean,
): InstallTemplateInput {
  const name = values.name.trim();
  return {
    slug: template.slug,
    connections: Object.fromEntries(
      template.connections.map((role) => [role.role, connectionFor(role, values.chosen)]),
    ),
    fields: values.fields,
    publish,
    ...(name === template.title ? {} : { name }),
  };
}
