/** Emails are compared lower-cased and trimmed everywhere in Handoff. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
