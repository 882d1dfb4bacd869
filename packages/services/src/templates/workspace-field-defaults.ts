import { type Database, eq, schema } from "@handoff/db";
import type { TemplateDefinition, TemplateField } from "@handoff/templates";

/**
 * The template's fields with the defaults that come from the installing workspace filled in
 * (a weekly schedule at 08:00 means 08:00 where the business is, not in UTC).
 */
export async function templateFieldsFor({
  db,
  workspaceId,
  template,
}: {
  db: Database;
  workspaceId: string;
  template: TemplateDefinition;
}): Promise<TemplateField[]> {
  if (!template.fields.some((field) => field.fromWorkspace)) return template.fields;
  const [workspace] = await db
    .select({ timeZone: schema.workspaces.timeZone })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, workspaceId));
  if (!workspace) return template.fields;
  return template.fields.map((field) =>
    field.fromWorkspace === "timeZone" ? { ...field, default: workspace.timeZone } : field,
  );
}
