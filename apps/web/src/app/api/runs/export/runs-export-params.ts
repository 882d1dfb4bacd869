import { ZRunFilters } from "@handoff/api";
import { z } from "zod";

const ZInstantParam = z.iso
  .datetime({ offset: true, error: "Use an ISO-8601 date and time with a zone, e.g. 2025-03-01T00:00:00Z" })
  .transform((value) => new Date(value));

const ZVersionParam = z
  .string()
  .regex(/^\d+$/, "A version is a whole number, e.g. 3")
  .transform((value) => Number(value));

/**
 * Query strings carry only text: dates and the version are read here, then the very schema of
 * `runs.list` decides, so the page and its CSV accept and refuse the same filters.
 */
const ZRunsExportParams = z
  .object({
    search: z.string().optional(),
    flowId: z.string().optional(),
    status: z.string().optional(),
    from: ZInstantParam.optional(),
    to: ZInstantParam.optional(),
    version: ZVersionParam.optional(),
    kind: z.string().optional(),
  })
  .pipe(ZRunFilters);

type RunFilters = z.infer<typeof ZRunFilters>;

const FILTER_PARAMS = ["search", "flowId", "status", "from", "to", "version", "kind"] as const;

export type ParsedRunsExportParams = { ok: true; filters: RunFilters } | { ok: false; problem: string };

/** The run list's filters from the export's query string; an empty parameter means "no filter". */
export function parseRunsExportParams(params: URLSearchParams): ParsedRunsExportParams {
  const present = FILTER_PARAMS.flatMap((key) => {
    const value = params.get(key)?.trim();
    return value ? [[key, value] as const] : [];
  });
  const parsed = ZRunsExportParams.safeParse(Object.fromEntries(present));
  if (!parsed.success) {
    return {
      ok: false,
      problem: parsed.error.issues.map((issue) => `${issue.path.join(".") || "filters"}: ${issue.message}`).join("; "),
    };
  }
  const { from, to } = parsed.data;
  if (from && to && from >= to) return { ok: false, problem: "to: The start of the date range must be before its end" };
  return { ok: true, filters: parsed.data };
}
