import type { z } from "zod";
import type { ActionConnection, ActionDefinition, LogData } from "../action";
import type { IdentityContext } from "../identity";
import type { JsonValue } from "../json";

export interface RunActionOptions {
  /** Raw props, parsed by the action's schema exactly as the engine does. */
  props: unknown;
  connection?: ActionConnection | null;
  idempotencyKey?: string;
  signal?: AbortSignal;
  identity?: IdentityContext;
}

export interface LogEntry {
  message: string;
  data?: LogData;
}

/** Runs one action the way the engine would, collecting its log lines. */
export async function runAction<TSchema extends z.ZodType, TOutput extends JsonValue>(
  action: ActionDefinition<TSchema, TOutput>,
  options: RunActionOptions,
): Promise<{ output: TOutput; logs: LogEntry[] }> {
  const logs: LogEntry[] = [];
  const output = await action.run({
    props: action.props.parse(options.props),
    connection: options.connection ?? null,
    idempotencyKey: options.idempotencyKey ?? "test-run:test-step",
    signal: options.signal ?? new AbortController().signal,
    ...(options.identity ? { identity: options.identity } : {}),
    log: (message, data) => {
      logs.push(data === undefined ? { message } : { message, data });
    },
  });
  return { output, logs };
}
