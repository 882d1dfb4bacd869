import type { PathSegment } from "@handoff/flow-core";

/**
 * Reads the paths flow-core's diff reports (`props.rules[0].value`, `props["first name"]`, the
 * form `formatPath` writes) back into segments; null for anything it would not have written.
 */
export function parsePath(path: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest !== "") {
    const identifier = (segments.length === 0 ? /^([A-Za-z_$][A-Za-z0-9_$]*)/ : /^\.([A-Za-z_$][A-Za-z0-9_$]*)/).exec(
      rest,
    );
    const index = /^\[(\d+)\]/.exec(rest);
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (identifier?.[1]) segments.push(identifier[1]);
    else if (index?.[1]) segments.push(Number(index[1]));
    else if (quoted?.[1]) segments.push(JSON.parse(quoted[1]) as string);
    else return null;
    rest = rest.slice((identifier ?? index ?? quoted)?.[0].length ?? rest.length);
  }
  return segments;
}

/** The value at a diff path, or undefined when the path is absent (a prop that was not set). */
export function valueAtPath(root: unknown, path: string): unknown {
  const segments = parsePath(path);
  if (!segments) return undefined;
  let current: unknown = root;
  for (const segment of segments) {
    if (typeof segment === "number") {
      current = Array.isArray(current) ? current[segment] : undefined;
    } else if (
      current !== null &&
      typeof current === "object" &&
      !Array.isArray(current) &&
      Object.hasOwn(current, segment)
    ) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

const MAX_VALUE_CHARS = 80;

/** A value as the diff list shows it: JSON, shortened; "(not set)" for an absent one. */
export function formatDiffValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
