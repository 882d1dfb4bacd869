import type { ActionConnection, IdentityContext } from "@handoff/connector-sdk";

/**
 * What actions need from the rest of Handoff, handed in by the worker so the engine stays free
 * of secrets and HTTP: stored connections (opened, OAuth tokens fresh) and the identity map.
 */
export interface RunServices {
  connection(workspaceId: string, connectionId: string, runId?: string): Promise<ActionConnection>;
  identity(workspaceId: string, runId: string): Promise<IdentityContext>;
}
