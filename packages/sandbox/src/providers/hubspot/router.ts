import type { SandboxResponse } from "../../types";

export type Params = Record<string, string>;

export interface Route<TContext> {
  method: string;
  /** Segments starting with `:` capture (URI-decoded) path parameters. */
  pattern: string;
  handle: (context: TContext, params: Params) => SandboxResponse | Promise<SandboxResponse>;
}

export function route<TContext>(method: string, pattern: string, handle: Route<TContext>["handle"]): Route<TContext> {
  return { method, pattern, handle };
}

/** The first route whose method and pattern fit the path, with its parameters. */
export function matchRoute<TContext>(
  routes: readonly Route<TContext>[],
  method: string,
  path: string,
): { route: Route<TContext>; params: Params } | undefined {
  const segments = path.split("/").filter(Boolean);
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const params = matchPattern(candidate.pattern, segments);
    if (params) return { route: candidate, params };
  }
  return undefined;
}

function matchPattern(pattern: string, segments: string[]): Params | undefined {
  const parts = pattern.split("/").filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Params = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? "";
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
    } else if (part !== segment) return undefined;
  }
  return params;
}
