import type { RouteContext } from "./runtime";

export type HttpMethod = "GET" | "POST" | "DELETE";

/** One API operation. `path` uses `:name` segments; the handler returns the 200 body or throws. */
export interface Route {
  method: HttpMethod;
  path: string;
  handle: (context: RouteContext) => unknown;
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

/** First route (in table order) whose method and segments match, so literal paths must precede `:id` ones. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const segments = path.split("/").filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split("/").filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const pathParams: Record<string, string> = {};
    const matches = pattern.every((part, index) => {
      const segment = decodeURIComponent(segments[index] ?? "");
      if (part.startsWith(":")) {
        pathParams[part.slice(1)] = segment;
        return segment.length > 0;
      }
      return part === segment;
    });
    if (matches) return { route, pathParams };
  }
  return undefined;
}
