import { needsConnection, propsSchemaFor } from "@handoff/connectors";
import { type FlowDocument, validateFlow, ZFlowDocument } from "@handoff/flow-core";
import { getFlow } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { flowCall } from "./flow-errors";
import { ZFlowProblem } from "./publish-flow";

/** The editor's load: the draft and its revision, what is live, and the draft's problems. */
export const getFlowProcedure = procedureWith("flows.read")
  .input(z.object({ flowId: z.uuid() }))
  .output(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(["active", "paused", "draft"]),
      draft: ZFlowDocument,
      draftRevision: z.number(),
      currentVersion: z.object({ number: z.number(), createdAt: z.date() }).nullable(),
      hookUrl: z.string(),
      /** Whether deliveries must be signed; the secret itself is shown only when generated. */
      hasHookSecret: z.boolean(),
      problems: z.array(ZFlowProblem),
    }),
  )
  .query(async ({ ctx, input }) => {
    const flow = await flowCall(() =>
      getFlow({ db: ctx.db, flowId: input.flowId, workspaceId: ctx.member.workspaceId }),
    );
    const draft = flow.draftGraph as FlowDocument;
    return {
      id: flow.id,
      name: flow.name,
      status: flow.currentVersion ? flow.status : "draft",
      draft,
      draftRevision: flow.draftRevision,
      currentVersion: flow.currentVersion
        ? { number: flow.currentVersion.number, createdAt: flow.currentVersion.createdAt }
        : null,
      hookUrl: `${ctx.publicUrl.replace(/\/+$/, "")}/api/hooks/${flow.hookId}`,
      hasHookSecret: flow.hookSecretSealed !== null,
      problems: validateFlow(draft, { connectors: propsSchemaFor, needsConnection }),
    };
  });
