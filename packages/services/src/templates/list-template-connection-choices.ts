import type { Database } from "@handoff/db";
import { listConnections } from "../connections/list-connections";

/** A connection the person may pick for a template's role: its name, never its secret. */
export interface TemplateConnectionChoice {
  id: string;
  name: string;
  /** `ok`, or `reconnect_needed`: shown so a broken connection is not picked unknowingly. */
  status: string;
}

export interface TemplateRoleChoices {
  role: string;
  provider: string;
  test: TemplateConnectionChoice[];
  live: TemplateConnectionChoice[];
  /**
   * The choice offered first: a working test connection. Never a live one: acting on the real
   * accounts should be a choice the person makes, not a default they overlook.
   */
  suggestedConnectionId: string | null;
}

export interface ListTemplateConnectionChoicesOptions {
  db: Database;
  workspaceId: string;
  /** The template's roles (only `role` and `provider` are read). */
  roles: readonly { role: string; provider: string }[];
}

/**
 * For each connection role of a template, the workspace's connections of that role's provider,
 * test and live apart. One query for all roles: a template needs at most a handful of providers.
 */
export async function listTemplateConnectionChoices({
  db,
  workspaceId,
  roles,
}: ListTemplateConnectionChoicesOptions): Promise<TemplateRoleChoices[]> {
  const connections = roles.length === 0 ? [] : await listConnections({ db, workspaceId });
  return roles.map(({ role, provider }) => {
    const mine = connections.filter((connection) => connection.provider === provider);
    const choice = ({ id, name, status }: (typeof mine)[number]) => ({ id, name, status });
    const test = mine.filter((connection) => connection.environment === "test").map(choice);
    const live = mine.filter((connection) => connection.environment === "live").map(choice);
    const suggested = test.find((connection) => connection.status === "ok") ?? test[0];
    return { role, provider, test, live, suggestedConnectionId: suggested?.id ?? null };
  });
}
