import type { Database } from "@handoff/db";
import { parseFlowDocument } from "@handoff/flow-core";
import { z } from "zod";
import { createFlow } from "./create-flow";
import { PublishRefusedError } from "./errors";
import { publishFlow } from "./publish-flow";

/** What `handoff flows export` writes and `flows import` reads. A bare flow document works too. */
export const ZFlowExport = z.object({
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  graph: z.unknown(),
});

export interface ImportFlowOptions {
  db: Database;
  workspaceId: string;
  input: unknown;
  /** Used when the input is a bare document without a name. */
  fallbackName: string;
  publish?: { message: string };
  actorUserId: string | null;
}

export async function importFlow({ db, workspaceId, input, fallbackName, publish, actorUserId }: ImportFlowOptions) {
  const wrapped = ZFlowExport.safeParse(input);
  const name = wrapped.success ? wrapped.data.name : fallbackName;
  const parsed = parseFlowDocument(wrapped.success ? wrapped.data.graph : input);
  if (!parsed.ok) {
    throw new PublishRefusedError(
      parsed.issues.map((issue) => ({
        code: "invalid_document",
        message: `${issue.path || "document"}: ${issue.message}`,
      })),
    );
  }
  const flow = await createFlow({
    db,
    workspaceId,
    name,
    description: wrapped.success ? wrapped.data.description : undefined,
    graph: parsed.document,
    actorUserId,
  });
  const version = publish ? await publishFlow({ db, flowId: flow.id, message: publish.message, actorUserId }) : null;
  return { flow, version };
}
