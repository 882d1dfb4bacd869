import { stripeErrors } from "../errors";
import { LIST_PARAMS, paginate } from "../pagination";
import type { Route } from "../router";
import { nowSeconds, type RouteContext } from "../runtime";
import { newestFirst } from "../store";

/** `GET /v1/events` covers the last 30 days only. */
const RETENTION_SECONDS = 30 * 86_400;

/** `invoice.*` matches every invoice event, as Stripe's `type` filter allows. */
function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.endsWith(".*")) return (type) => type === pattern;
  const prefix = pattern.slice(0, -1);
  return (type) => type.startsWith(prefix);
}

function list({ rt, form }: RouteContext) {
  form.allowOnly([...LIST_PARAMS, "created", "delivery_success", "type", "types"]);
  const type = form.string("type");
  const types = form.strings("types");
  if (type && types) throw stripeErrors.invalid("types", "You may only specify one of these parameters: type, types.");
  if (types && types.length > 20) throw stripeErrors.invalid("types", "You can filter on at most 20 event types.");
  const matchers = (type ? [type] : (types ?? [])).map(typeMatcher);
  const created = form.range("created");
  const oldest = nowSeconds(rt) - RETENTION_SECONDS;
  const events = newestFirst(rt.store.events).filter(
    (event) =>
      event.created >= oldest &&
      (matchers.length === 0 || matchers.some((matches) => matches(event.type))) &&
      (!created || created(event.created)),
  );
  return paginate(events, form, { url: "/v1/events", kind: "event", render: (event) => event });
}

function retrieve({ rt, pathParams }: RouteContext) {
  const id = pathParams.id ?? "";
  const event = rt.store.events.get(id);
  if (!event) throw stripeErrors.noSuch("event", id);
  return event;
}

export const eventRoutes: Route[] = [
  { method: "GET", path: "/v1/events", handle: list },
  { method: "GET", path: "/v1/events/:id", handle: retrieve },
];
