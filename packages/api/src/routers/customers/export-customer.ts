import { exportCustomer } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withCustomerErrors } from "./customer-errors";
import { ZBoundedText, ZCustomerExport } from "./schemas";

/**
 * Everything held about one person, as JSON the page downloads. A mutation, not a query: each
 * export is audited, so it must not be cached, prefetched or refetched on focus.
 */
export const exportCustomerProcedure = procedureWith("customers.manage")
  .input(z.object({ query: ZBoundedText }))
  .output(ZCustomerExport)
  .mutation(({ ctx, input }) =>
    withCustomerErrors(() =>
      exportCustomer({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        query: input.query,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
