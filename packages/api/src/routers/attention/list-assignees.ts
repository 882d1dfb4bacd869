import { asc, eq, schema } from "@handoff/db";
import { z } from "zod";
import { procedureWith } from "../../trpc";

/** People an item can be assigned to: the workspace's members. */
export const listAssigneesProcedure = procedureWith("runs.operate")
  .input(z.void())
  .output(z.array(z.object({ userId: z.string(), email: z.string(), name: z.string() })))
  .query(({ ctx }) =>
    ctx.db
      .select({ userId: schema.users.id, email: schema.users.email, name: schema.users.name })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.workspaceId, ctx.member.workspaceId))
      .orderBy(asc(schema.users.email)),
  );
