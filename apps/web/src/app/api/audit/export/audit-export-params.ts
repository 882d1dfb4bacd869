import { type AuditFilters, ZAuditFilters } from "@handoff/services";

const FILTER_PARAMS = ["action", "actorUserId", "targetType", "targetId", "from", "to"] as const;

export type ParsedExportParams = { ok: true; filters: AuditFilters } | { ok: false; problem: string };

/**
 * The export takes the page's filters as query parameters, named as in `ZAuditFilters`; an empty
 * parameter means "no filter", as an untouched dropdown sends it.
 */
export function parseAuditExportParams(params: URLSearchParams): ParsedExportParams {
  const present = FILTER_PARAMS.flatMap((key) => {
    const value = params.get(key)?.trim();
    return value ? [[key, value] as const] : [];
  });
  const parsed = ZAuditFilters.safeParse(Object.fromEntries(present));
  if (parsed.success) return { ok: true, filters: parsed.data };
  return {
    ok: false,
    problem: parsed.error.issues.map((issue) => `${issue.path.join(".") || "filters"}: ${issue.message}`).join("; "),
  };
}
