/** One side of a comparison: a published version's number, or the editor's current draft. */
export type VersionRef = number | "draft";

/** Older first: the draft is newer than every version, and lower numbers are older. */
export function olderFirst(a: VersionRef, b: VersionRef): [VersionRef, VersionRef] {
  if (a === "draft") return [b, a];
  if (b === "draft") return [a, b];
  return a <= b ? [a, b] : [b, a];
}

export function versionName(ref: VersionRef): string {
  return ref === "draft" ? "the current draft" : `version ${ref}`;
}

/** The diff region's name: "Changes between version 1 and version 2". */
export function comparisonTitle(older: VersionRef, newer: VersionRef): string {
  return `Changes between ${versionName(older)} and ${versionName(newer)}`;
}

/** A `<select>` value ("draft" or a number) back into a reference; null for the empty choice. */
export function parseVersionRef(value: string): VersionRef | null {
  if (value === "draft") return "draft";
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : null;
}
