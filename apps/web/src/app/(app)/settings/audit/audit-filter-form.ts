import type { AuditFilters } from "@handoff/services";

/** The toolbar's values as the inputs hold them: "" is "any", dates are `yyyy-mm-dd` days. */
export interface AuditFilterForm {
  action: string;
  actorUserId: string;
  targetType: string;
  fromDay: string;
  toDay: string;
}

export const EMPTY_FILTER_FORM: AuditFilterForm = {
  action: "",
  actorUserId: "",
  targetType: "",
  fromDay: "",
  toDay: "",
};

export type FormFilters = { ok: true; filters: AuditFilters } | { ok: false; problem: string };

/**
 * Days are read in the browser's time zone, the one the table shows times in: "to 3 March" means
 * up to the start of 4 March, local time, sent as an instant so the page and the CSV agree.
 */
export function toAuditFilters(form: AuditFilterForm): FormFilters {
  const from = form.fromDay ? startOfDay(form.fromDay, 0) : undefined;
  const to = form.toDay ? startOfDay(form.toDay, 1) : undefined;
  if (from === null || to === null) return { ok: false, problem: "Pick dates with the date picker (year-month-day)" };
  if (from && to && from >= to) return { ok: false, problem: "The From date must be on or before the To date" };
  const filters: AuditFilters = {};
  if (form.action) filters.action = form.action;
  if (form.actorUserId) filters.actorUserId = form.actorUserId;
  if (form.targetType) filters.targetType = form.targetType;
  if (from) filters.from = from;
  if (to) filters.to = to;
  return { ok: true, filters };
}

/** The CSV route with the same filters, as query parameters named like the filters. */
export function auditExportHref(filters: AuditFilters): string {
  const params = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const query = params.toString();
  return query ? `/api/audit/export?${query}` : "/api/audit/export";
}

function startOfDay(day: string, addDays: number): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
