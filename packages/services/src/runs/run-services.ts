import type { SecretBox } from "@handoff/auth";
import { type Database, eq, schema } from "@handoff/db";
import type { RunServices } from "@handoff/engine";
import { resolveConnection } from "../connections/resolve-connection";
import { createIdentityMap } from "../identity/identity-map";

/** The worker's bridge from the engine to connections and the identity map. */
export function createRunServices(options: { db: Database; secretBox: SecretBox }): RunServices {
  const { db, secretBox } = options;
  // A workspace's country changes rarely; reading it once per run is plenty.
  const countryOf = async (workspaceId: string) => {
    const [row] = await db
      .select({ defaultCountry: schema.workspaces.defaultCountry })
      .from(schema.workspaces)
      .where(eq(schema.workspaces.id, workspaceId));
    return row?.defaultCountry ?? "US";
  };
  return {
    // With a run id, a live connection is refused to test runs and to runs of paused flows.
    connection: (workspaceId, connectionId, runId) =>
      resolveConnection({ db, secretBox, workspaceId, connectionId, ...(runId ? { runId } : {}) }),
    identity: async (workspaceId, runId) =>
      createIdentityMap({ db, workspaceId, runId, defaultCountry: await countryOf(workspaceId) }),
  };
}
