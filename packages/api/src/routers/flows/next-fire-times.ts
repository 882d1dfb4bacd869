import { nextFireTimes, validateCron } from "@handoff/connector-sdk";
import { isValidTimeZone } from "@handoff/flow-core";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { procedureWith } from "../../trpc";

/** The next five times a schedule trigger fires, in its time zone, shown under the cron field. */
export const nextFireTimesProcedure = procedureWith("flows.read")
  .input(z.object({ cron: z.string().min(1).max(200), timeZone: z.string().min(1).max(64) }))
  .output(z.array(z.date()))
  .query(({ input }) => {
    const cron = validateCron(input.cron);
    if (!cron.ok) throw new TRPCError({ code: "BAD_REQUEST", message: cron.message });
    if (!isValidTimeZone(input.timeZone)) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `"${input.timeZone}" is not an IANA time zone` });
    }
    return nextFireTimes(input.cron, input.timeZone, new Date(), 5);
  });
