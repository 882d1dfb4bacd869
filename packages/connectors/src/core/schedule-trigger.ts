import { defineTrigger, ZScheduleProps } from "@handoff/connector-sdk";

export const scheduleTrigger = defineTrigger({
  kind: "schedule",
  key: "schedule",
  name: "Schedule",
  description: "Starts the flow on a cron schedule, in the time zone you choose (daylight saving included).",
  props: ZScheduleProps,
  payload: ({ scheduledFor, props }) => ({
    scheduledFor: scheduledFor.toISOString(),
    cron: props.cron,
    timeZone: props.timeZone,
  }),
});
