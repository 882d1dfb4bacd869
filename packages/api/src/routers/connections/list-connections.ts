import { listConnections } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZConnectionSummary } from "./schemas";

/** The workspace's connections with their hints: what the connections page and step panel show. */
export const listConnectionsProcedure = procedureWith("connections.read")
  .input(z.void())
  .output(z.array(ZConnectionSummary))
  .query(async ({ ctx }) => {
    const connections = await listConnections({ db: ctx.db, workspaceId: ctx.member.workspaceId });
    return connections.map(({ credentialsHint, ...connection }) => ({ ...connection, hint: credentialsHint }));
  });
