import { stripeErrors } from "./errors";
import type { FormReader } from "./params";

export const LIST_PARAMS = ["limit", "starting_after", "ending_before"] as const;

export interface StripeList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export function readLimit(form: FormReader): number {
  const limit = form.int("limit") ?? 10;
  if (limit < 1 || limit > 100)
    throw stripeErrors.invalid(
      "limit",
      `Invalid limit: must be between 1 and 100 (got ${limit}).`,
      "parameter_invalid_integer",
    );
  return limit;
}

/**
 * Stripe's cursor paging over a newest-first list: `starting_after` walks to older objects,
 * `ending_before` to newer ones (the page closest to the cursor), `has_more` says whether more
 * lie beyond in that direction.
 */
export function paginate<T extends { id: string }, R>(
  newestFirst: T[],
  form: FormReader,
  options: { url: string; kind: string; render: (item: T) => R },
): StripeList<R> {
  const limit = readLimit(form);
  const startingAfter = form.string("starting_after");
  const endingBefore = form.string("ending_before");
  if (startingAfter && endingBefore)
    throw stripeErrors.invalid(
      "starting_after",
      "You may only specify one of these parameters: ending_before, starting_after.",
    );
  const cursor = startingAfter ?? endingBefore;
  const cursorParam = startingAfter ? "starting_after" : "ending_before";
  const index = cursor ? newestFirst.findIndex((item) => item.id === cursor) : -1;
  if (cursor && index < 0) throw stripeErrors.noSuch(options.kind, cursor, cursorParam, 400);

  let page: T[];
  let hasMore: boolean;
  if (endingBefore) {
    const from = Math.max(index - limit, 0);
    page = newestFirst.slice(from, index);
    hasMore = from > 0;
  } else {
    const from = startingAfter ? index + 1 : 0;
    page = newestFirst.slice(from, from + limit);
    hasMore = from + limit < newestFirst.length;
  }
  return { object: "list", data: page.map(options.render), has_more: hasMore, url: options.url };
}
