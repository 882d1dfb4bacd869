import { isRunStatus } from "../run-format";
import type { RunListFilters } from "../types";

/**
 * The toolbar's values as the inputs hold them and the page's URL carries them: "" is "any",
 * dates are `yyyy-mm-dd` days, the version is typed text.
 */
export interface RunFilterForm {
  search: string;
  flowId: string;
  status: string;
  fromDay: string;
  toDay: string;
  version: string;
  kind: string;
}

export const EMPTY_RUN_FILTER_FORM: RunFilterForm = {
  search: "",
  flowId: "",
  status: "",
  fromDay: "",
  toDay: "",
  version: "",
  kind: "",
};

/** Query parameter of each field: the export route reads the same names (with instants for dates). */
const PARAM_OF = {
  search: "search",
  flowId: "flowId",
  status: "status",
  fromDay: "from",
  toDay: "to",
  version: "version",
  kind: "kind",
} as const satisfies Record<keyof RunFilterForm, string>;

const FIELDS = Object.keys(PARAM_OF) as (keyof RunFilterForm)[];

export function formFromQuery(params: Pick<URLSearchParams, "get">): RunFilterForm {
  const form = { ...EMPTY_RUN_FILTER_FORM };
  for (const field of FIELDS) form[field] = params.get(PARAM_OF[field]) ?? "";
  return form;
}

/** Only the filters in use, so a plain `/runs` stays plain and a shared link reads well. */
export function queryFromForm(form: RunFilterForm): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = field === "search" ? form.search.trim() : form[field];
    if (value) params.set(PARAM_OF[field], value);
  }
  return params.toString();
}

export type FormFilters = { ok: true; filters: RunListFilters } | { ok: false; problem: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEARCH_MAX = 200;

/**
 * The form as `runs.list` filters, or what is wrong with it. Values may come from an edited link,
 * so each is checked. Days are read in the browser's time zone, the one the table shows times in:
 * "to 3 March" means up to the start of 4 March, local time.
 */
export function toRunListFilters(form: RunFilterForm): FormFilters {
  const filters: RunListFilters = {};
  const search = form.search.trim();
  if (search.length > SEARCH_MAX) return { ok: false, problem: `Search for at most ${SEARCH_MAX} characters` };
  if (search) filters.search = search;
  if (form.flowId) {
    if (!UUID.test(form.flowId)) return { ok: false, problem: "The flow in this link is not a flow id; pick a flow" };
    filters.flowId = form.flowId;
  }
  if (form.status) {
    if (!isRunStatus(form.status)) return { ok: false, problem: `"${form.status}" is not a run status; pick one` };
    filters.status = form.status;
  }
  const from = form.fromDay ? startOfDay(form.fromDay, 0) : undefined;
  const to = form.toDay ? startOfDay(form.toDay, 1) : undefined;
  if (from === null || to === null) return { ok: false, problem: "Pick dates with the date picker (year-month-day)" };
  if (from && to && from >= to) return { ok: false, problem: "The From date must be on or before the To date" };
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (form.version.trim()) {
    const version = form.version.trim();
    if (!/^\d+$/.test(version) || Number(version) < 1) {
      return { ok: false, problem: "The version is a whole number from 1, e.g. 3" };
    }
    filters.version = Number(version);
  }
  if (form.kind) {
    if (form.kind !== "live" && form.kind !== "test") return { ok: false, problem: "Show all, live or test runs" };
    filters.kind = form.kind;
  }
  return { ok: true, filters };
}

/** The CSV route with the same filters; dates travel as instants so the page and the file agree. */
export function runsExportHref(filters: RunListFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value instanceof Date) params.set(key, value.toISOString());
    else if (value !== undefined) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/api/runs/export?${query}` : "/api/runs/export";
}

function startOfDay(day: string, addDays: number): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date;
}
