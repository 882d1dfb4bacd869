const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Keys are stored in flow documents and URLs, so they must stay stable and boring. */
export function assertKebabCaseKey(key: string, what: string): void {
  if (!KEBAB_CASE.test(key)) {
    throw new TypeError(`${what} key "${key}" must be kebab-case (lower-case letters, digits and single hyphens)`);
  }
}
