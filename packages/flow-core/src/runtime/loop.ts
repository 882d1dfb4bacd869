import { type ExpressionContext, ExpressionError, evaluateTemplate } from "../expressions/evaluate";
import { asExpressionTemplate } from "../expressions/template";

/** A guard against a typo iterating over a whole CRM export; each item is at least one step run. */
export const MAX_LOOP_ITEMS = 1_000;

/**
 * The items a loop node iterates: a list as is, a single value as a list of one, nothing as an
 * empty list. Throws ExpressionError beyond MAX_LOOP_ITEMS.
 */
export async function resolveLoopItems(items: string, context: ExpressionContext): Promise<unknown[]> {
  const value = await evaluateTemplate(asExpressionTemplate(items), context);
  const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  if (list.length > MAX_LOOP_ITEMS) {
    const message = `props.items: ${list.length} items is more than the limit of ${MAX_LOOP_ITEMS}`;
    throw new ExpressionError(message, "evaluation", items, "props.items");
  }
  return list;
}
