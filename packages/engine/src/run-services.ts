import type { ActionConnection, ActionContext, IdentityContext } from "@handoff/connector-sdk";

/** The review context the core `sync-review` action reads (read off ActionContext: one definition). */
export type SyncReviewContext = NonNullable<ActionContext<unknown>["review"]>;

/**
 * What actions need from the rest of Handoff, handed in by the worker so the engine stays free
 * of secrets and HTTP: stored connections (opened, OAuth tokens fresh), the identity map, and the
 * workspace's sync review.
 */
export interface RunServices {
  connection(workspaceId: string, connectionId: string, runId?: string): Promise<ActionConnection>;
  identity(workspaceId: string, runId: string): Promise<IdentityContext>;
  /** Optional: without it the review action fails with a clear, final error. */
  review?(workspaceId: string, runId: string): Promise<SyncReviewContext>;
}
