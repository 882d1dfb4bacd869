import type { z } from "zod";
import type { JsonValue } from "../json";
import type { ScheduleProps } from "../schedule/schedule-props";
import type { TriggerBase } from "./trigger-base";

export interface ScheduleFireInput<TProps> {
  /** The planned fire time (not when the worker got to it), so a late run still says which slot it was. */
  scheduledFor: Date;
  props: TProps;
}

/** The scheduler computes fire times with `nextFireTimes(props.cron, props.timeZone, …)`. */
export interface ScheduleTriggerDefinition<TSchema extends z.ZodType<ScheduleProps> = z.ZodType<ScheduleProps>>
  extends TriggerBase<TSchema> {
  kind: "schedule";
  /** The trigger payload of the run started for one fire time. */
  payload(input: ScheduleFireInput<z.output<TSchema>>): JsonValue;
}
