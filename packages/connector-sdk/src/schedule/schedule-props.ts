import { z } from "zod";
import { validateCron } from "./cron";
import { validateTimeZone } from "./time-zone";

export const ZCron = z
  .string()
  .describe("Cron expression: minute hour day-of-month month day-of-week")
  .superRefine((value, ctx) => {
    const result = validateCron(value);
    if (!result.ok) ctx.addIssue({ code: "custom", message: result.message });
  });

export const ZTimeZone = z
  .string()
  .describe("IANA time zone, e.g. Europe/Paris")
  .superRefine((value, ctx) => {
    const result = validateTimeZone(value);
    if (!result.ok) ctx.addIssue({ code: "custom", message: result.message });
  });

/** The props every schedule trigger has; a trigger may extend them. */
export const ZScheduleProps = z.object({ cron: ZCron, timeZone: ZTimeZone });
export type ScheduleProps = z.output<typeof ZScheduleProps>;
