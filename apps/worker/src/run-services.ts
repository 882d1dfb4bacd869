import type { SecretBox } from "@handoff/auth";
import type { Database } from "@handoff/db";
import type { RunServices } from "@handoff/engine";
import { createRunServices, createSyncReviewContext } from "@handoff/services";

/**
 * Everything the engine may hand an action in this worker: connections and the identity map,
 * and the workspace's sync review (links in it are absolute when the public URL is known).
 */
export function createWorkerRunServices(options: {
  db: Database;
  secretBox: SecretBox;
  publicUrl?: string | undefined;
}): RunServices {
  const { db, publicUrl } = options;
  return {
    ...createRunServices(options),
    review: async (workspaceId) => createSyncReviewContext({ db, workspaceId, publicUrl }),
  };
}
