import { formatPath, isPlainObject, jsonEqual, type PathSegment } from "../json";

/**
 * The paths at which two JSON values differ, as precisely as the shapes allow: objects are
 * compared key by key, arrays index by index (a changed length reports the tail indexes),
 * and anything else that differs is reported at its own path.
 */
export function changedPaths(before: unknown, after: unknown, prefix: PathSegment[] = []): string[] {
  if (jsonEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], [...prefix, key]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => changedPaths(before[index], after[index], [...prefix, index])).flat();
  }
  return [formatPath(prefix)];
}
