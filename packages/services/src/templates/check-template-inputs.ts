import { and, type Database, eq, inArray, schema } from "@handoff/db";
import type { TemplateDefinition } from "@handoff/templates";
import { z } from "zod";
import { TemplateInputError } from "./template-errors";

/** Longer than any expression a field reasonably holds; keeps a pasted blob out of the graph. */
export const MAX_FIELD_VALUE_LENGTH = 5000;

const ZConnectionId = z.uuid();

/**
 * Every role has a connection of this workspace and of the role's provider; no unknown role is
 * given. Each refusal names the role and says what to do, the first problem found.
 */
export async function checkTemplateConnections(options: {
  db: Database;
  workspaceId: string;
  template: TemplateDefinition;
  connections: Readonly<Record<string, string>>;
}): Promise<void> {
  const { db, workspaceId, template, connections } = options;
  const roles = new Map(template.connections.map((role) => [role.role, role]));
  for (const role of Object.keys(connections)) {
    if (!roles.has(role)) {
      const known = [...roles.keys()].join(", ") || "none";
      throw new TemplateInputError(
        { kind: "connection", role },
        `"${template.title}" has no connection role "${role}" (its roles: ${known})`,
      );
    }
  }
  const ids = Object.values(connections).filter((id) => ZConnectionId.safeParse(id).success);
  const found = ids.length
    ? await db
        .select({ id: schema.connections.id, provider: schema.connections.provider, name: schema.connections.name })
        .from(schema.connections)
        .where(and(eq(schema.connections.workspaceId, workspaceId), inArray(schema.connections.id, ids)))
    : [];
  const byId = new Map(found.map((connection) => [connection.id, connection]));
  for (const role of template.connections) {
    const id = connections[role.role];
    const input = { kind: "connection", role: role.role } as const;
    if (!id) throw new TemplateInputError(input, `Choose a ${role.provider} connection for "${role.label}"`);
    const connection = byId.get(id);
    if (!connection) {
      throw new TemplateInputError(input, `The connection chosen for "${role.label}" was not found in this workspace`);
    }
    if (connection.provider !== role.provider) {
      throw new TemplateInputError(
        input,
        `"${connection.name}" is a ${connection.provider} connection; "${role.label}" needs a ${role.provider} one`,
      );
    }
  }
}

/** Only the template's own fields, each a bounded text. */
export function checkTemplateFields(template: TemplateDefinition, fields: Readonly<Record<string, string>>): void {
  const keys = new Set(template.fields.map((field) => field.key));
  for (const [key, value] of Object.entries(fields)) {
    const input = { kind: "field", key } as const;
    if (!keys.has(key)) {
      const known = [...keys].join(", ") || "none";
      throw new TemplateInputError(input, `"${template.title}" has no field "${key}" (its fields: ${known})`);
    }
    if (typeof value !== "string") throw new TemplateInputError(input, `The field "${key}" must be text`);
    if (value.length > MAX_FIELD_VALUE_LENGTH) {
      throw new TemplateInputError(input, `The field "${key}" is longer than ${MAX_FIELD_VALUE_LENGTH} characters`);
    }
  }
}
