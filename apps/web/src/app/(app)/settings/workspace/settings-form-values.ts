/** What the form sends: the mapping owner (or null for nobody) and both retentions in days. */
export interface SettingsFormValues {
  mappingOwnerUserId: string | null;
  successRetentionDays: number;
  failureRetentionDays: number;
}

export type ParsedSettingsForm = { ok: true; values: SettingsFormValues } | { ok: false; problem: string };

/** The database's limit (RETENTION_DAYS_MAX in @handoff/db, which the browser bundle cannot import). */
const MAX_DAYS = 3650;

function days(raw: string, what: string): number | string {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return `${what}: enter a whole number of days`;
  const value = Number(text);
  if (value < 1 || value > MAX_DAYS) return `${what}: keep them between 1 and ${MAX_DAYS} days`;
  return value;
}

/** Checks the form before sending, with the same limits the server and the database hold. */
export function parseSettingsForm(form: { mappingOwner: string; successDays: string; failureDays: string }) {
  const success = days(form.successDays, "Successful runs");
  if (typeof success === "string") return { ok: false, problem: success } satisfies ParsedSettingsForm;
  const failure = days(form.failureDays, "Failed runs");
  if (typeof failure === "string") return { ok: false, problem: failure } satisfies ParsedSettingsForm;
  return {
    ok: true,
    values: {
      mappingOwnerUserId: form.mappingOwner === "" ? null : form.mappingOwner,
      successRetentionDays: success,
      failureRetentionDays: failure,
    },
  } satisfies ParsedSettingsForm;
}
