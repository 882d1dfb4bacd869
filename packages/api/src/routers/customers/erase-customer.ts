import { eraseCustomer } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";
import { withCustomerErrors } from "./customer-errors";
import { ZBoundedText, ZCustomerErasure } from "./schemas";

/** Redacts the person's runs and deletes their identity; the service checks the confirmation. */
export const eraseCustomerProcedure = procedureWith("customers.manage")
  .input(
    z.object({
      query: ZBoundedText,
      reason: ZBoundedText,
      confirmation: ZBoundedText,
    }),
  )
  .output(ZCustomerErasure)
  .mutation(({ ctx, input }) =>
    withCustomerErrors(() =>
      eraseCustomer({
        db: ctx.db,
        workspaceId: ctx.member.workspaceId,
        query: input.query,
        reason: input.reason,
        confirmation: input.confirmation,
        actorUserId: ctx.member.userId,
      }),
    ),
  );
