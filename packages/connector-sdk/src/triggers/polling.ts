import type { z } from "zod";
import type { ActionConnection, LogData } from "../action";
import type { JsonValue } from "../json";
import type { TriggerBase } from "./trigger-base";

export interface PollingContext<TProps> {
  props: TProps;
  connection: ActionConnection | null;
  /** What the previous poll returned as `cursor`; null on the first poll. */
  cursor: JsonValue;
  signal: AbortSignal;
  log: (message: string, data?: LogData) => void;
}

export interface PollResult<TItem> {
  items: TItem[];
  cursor: JsonValue;
}

/** Declared for connectors to come; no scheduler runs polling triggers yet. */
export interface PollingTriggerDefinition<TSchema extends z.ZodType = z.ZodType, TItem = unknown>
  extends TriggerBase<TSchema> {
  kind: "polling";
  intervalMs: number;
  poll(ctx: PollingContext<z.output<TSchema>>): Promise<PollResult<TItem>>;
  eventId(item: TItem): string;
  eventTime?(item: TItem): Date | undefined;
}
