import { listAttention } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { ZAttentionItem } from "./attention-schemas";

/** What needs a person, newest first: stuck runs, identity conflicts, rejected deliveries. */
export const listAttentionProcedure = procedureWith("runs.read")
  .input(z.void())
  .output(z.array(ZAttentionItem))
  .query(({ ctx }) => listAttention({ db: ctx.db, workspaceId: ctx.member.workspaceId }));
