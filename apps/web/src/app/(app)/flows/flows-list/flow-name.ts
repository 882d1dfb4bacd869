/** Same limit as the `flows.create` / `flows.rename` input schemas. */
export const FLOW_NAME_MAX_LENGTH = 200;

/**
 * Why a typed flow name would be refused, or null when it is fine. Checked before sending: the
 * server refuses the same names, but its input errors are not worded for a person.
 */
export function flowNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return "Give the flow a name";
  if (trimmed.length > FLOW_NAME_MAX_LENGTH) {
    return `Keep the name to ${FLOW_NAME_MAX_LENGTH} characters (it has ${trimmed.length})`;
  }
  return null;
}
