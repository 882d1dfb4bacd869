import type { JsonValue } from "@handoff/flow-core";

// Dotted paths into a node's props, as template fields name them: "lines.0.unitAmount".

function segments(path: string): string[] {
  return path.split(".");
}

function isContainer(value: unknown): value is Record<string, JsonValue> | JsonValue[] {
  return typeof value === "object" && value !== null;
}

/** The value at `path`, or undefined when any step of it is missing. */
export function readPropPath(props: unknown, path: string): JsonValue | undefined {
  let current: unknown = props;
  for (const key of segments(path)) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isContainer(current) && !Array.isArray(current) && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current as JsonValue | undefined;
}

/**
 * A copy of `props` with the value at `path` replaced. Only existing paths are written (a field
 * names a prop the template has), so a typo fails loudly instead of adding a stray prop.
 */
export function writePropPath<T>(props: T, path: string, value: JsonValue): T {
  const copy = structuredClone(props);
  const keys = segments(path);
  const last = keys.pop();
  let parent: unknown = copy;
  for (const key of keys) parent = isContainer(parent) ? (parent as Record<string, unknown>)[key] : undefined;
  if (!isContainer(parent) || last === undefined || readPropPath(props, path) === undefined) {
    throw new Error(`no prop "${path}" to write`);
  }
  (parent as Record<string, unknown>)[last] = value;
  return copy;
}
