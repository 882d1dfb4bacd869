import type { z } from "zod";
import { assertKebabCaseKey } from "../keys";
import type { ScheduleProps } from "../schedule/schedule-props";
import type { PollingTriggerDefinition } from "./polling";
import type { ScheduleTriggerDefinition } from "./schedule";
import type { WebhookTriggerDefinition } from "./webhook";

export type TriggerKind = "webhook" | "schedule" | "polling";

export type AnyTriggerDefinition =
  | WebhookTriggerDefinition<z.ZodType, unknown>
  | ScheduleTriggerDefinition<z.ZodType<ScheduleProps>>
  | PollingTriggerDefinition<z.ZodType, unknown>;

export function defineTrigger<TSchema extends z.ZodType, TPayload>(
  definition: WebhookTriggerDefinition<TSchema, TPayload>,
): WebhookTriggerDefinition<TSchema, TPayload>;
export function defineTrigger<TSchema extends z.ZodType<ScheduleProps>>(
  definition: ScheduleTriggerDefinition<TSchema>,
): ScheduleTriggerDefinition<TSchema>;
export function defineTrigger<TSchema extends z.ZodType, TItem>(
  definition: PollingTriggerDefinition<TSchema, TItem>,
): PollingTriggerDefinition<TSchema, TItem>;
export function defineTrigger(definition: AnyTriggerDefinition): AnyTriggerDefinition {
  assertKebabCaseKey(definition.key, "trigger");
  return definition;
}
