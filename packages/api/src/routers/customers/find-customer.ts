import { summarizeCustomer } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withCustomerErrors } from "./customer-errors";
import { ZBoundedText, ZCustomerSummary } from "./schemas";

/** Who a search finds and how much Handoff holds about them, before an export or an erasure. */
export const findCustomerProcedure = procedureWith("customers.manage")
  .input(z.object({ query: ZBoundedText }))
  .output(ZCustomerSummary)
  .query(({ ctx, input }) =>
    withCustomerErrors(() =>
      summarizeCustomer({ db: ctx.db, workspaceId: ctx.member.workspaceId, query: input.query }),
    ),
  );
