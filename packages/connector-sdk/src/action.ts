import type { z } from "zod";
import type { Credentials } from "./auth";
import type { JsonValue } from "./json";
import { assertKebabCaseKey } from "./keys";

export type LogData = Readonly<Record<string, unknown>>;

export interface ActionConnection {
  credentials: Credentials;
}

/** What the engine hands an action for one attempt of one step. */
export interface ActionContext<TProps> {
  /** Already parsed by the action's props schema, expressions resolved. */
  props: TProps;
  connection: ActionConnection | null;
  /** `runId:stepKey`: the same on every attempt of the step; pass it to the provider. */
  idempotencyKey: string;
  /** Aborted when the run is cancelled or the worker shuts down. */
  signal: AbortSignal;
  log: (message: string, data?: LogData) => void;
}

export interface ActionDefinition<TSchema extends z.ZodType = z.ZodType, TOutput extends JsonValue = JsonValue> {
  key: string;
  name: string;
  description: string;
  props: TSchema;
  /** True when running it twice would do something twice (create, send, charge). */
  sideEffect: boolean;
  run(ctx: ActionContext<z.output<TSchema>>): Promise<TOutput>;
}

export type AnyActionDefinition = ActionDefinition<z.ZodType, JsonValue>;

export function defineAction<TSchema extends z.ZodType, TOutput extends JsonValue>(
  definition: ActionDefinition<TSchema, TOutput>,
): ActionDefinition<TSchema, TOutput> {
  assertKebabCaseKey(definition.key, "action");
  return definition;
}
