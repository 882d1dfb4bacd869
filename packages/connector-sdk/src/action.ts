import type { z } from "zod";
import type { ActionConnection } from "./connection";
import type { IdentityContext } from "./identity";
import type { JsonValue } from "./json";
import { assertKebabCaseKey } from "./keys";
import type { SyncReviewContext } from "./sync-review";

export type { ActionConnection } from "./connection";

export type LogData = Readonly<Record<string, unknown>>;

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
  /** The identity map, for find-or-create actions; absent where no workspace is involved (tests). */
  identity?: IdentityContext;
  /** The weekly sync review of the run's workspace, for the core review action; absent in tests. */
  review?: SyncReviewContext;
}

export interface OptionItem {
  label: string;
  value: string;
}

/** Loads the choices of one prop from the provider (deal pipelines, tax rates, …). */
export type OptionsLoader = (ctx: {
  connection: ActionConnection;
  /** What the user filled in so far, e.g. the pipeline before its stages. */
  props: Readonly<Record<string, unknown>>;
  signal: AbortSignal;
}) => Promise<OptionItem[]>;

export interface ActionDefinition<TSchema extends z.ZodType = z.ZodType, TOutput extends JsonValue = JsonValue> {
  key: string;
  name: string;
  description: string;
  props: TSchema;
  /** True when running it twice would do something twice (create, send, charge). */
  sideEffect: boolean;
  /** Props whose choices come from the provider, by prop name. */
  options?: Readonly<Record<string, OptionsLoader>>;
  /** What the step returns, for the editor's data picker before any test run. */
  sampleOutput?: TOutput;
  run(ctx: ActionContext<z.output<TSchema>>): Promise<TOutput>;
}

export type AnyActionDefinition = ActionDefinition<z.ZodType, JsonValue>;

export function defineAction<TSchema extends z.ZodType, TOutput extends JsonValue>(
  definition: ActionDefinition<TSchema, TOutput>,
): ActionDefinition<TSchema, TOutput> {
  assertKebabCaseKey(definition.key, "action");
  return definition;
}
