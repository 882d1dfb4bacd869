import { DateTime } from "luxon";
import { parseInstant } from "../dates";
import { type ExpressionContext, ExpressionError, evaluateTemplate } from "../expressions/evaluate";
import type { DelayProps } from "../schema/node";

/**
 * When a delay step should wake up. `now` is passed in (the engine's clock) to keep this pure.
 * Durations are added in the flow's zone so "1 day" keeps the wall-clock hour across DST.
 * An `until` in the past yields that past instant; the engine then continues at once.
 */
export async function computeDelayEnd(props: DelayProps, context: ExpressionContext, now: Date): Promise<Date> {
  if (props.mode === "duration") {
    const zone = context.timeZone ?? "UTC";
    return DateTime.fromJSDate(now, { zone })
      .plus({ [props.unit]: props.amount })
      .toJSDate();
  }
  const value = await evaluateTemplate(props.at, { ...context, timeZone: props.timeZone });
  const instant = parseInstant(value, props.timeZone);
  if (!instant) {
    throw new ExpressionError(`props.at: "${String(value)}" is not a date`, "evaluation", props.at, "props.at");
  }
  return instant.toJSDate();
}
