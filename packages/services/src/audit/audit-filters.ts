import { z } from "zod";

const ZInstant = z.iso.datetime({
  offset: true,
  error: "Use an ISO-8601 date and time with a zone, e.g. 2025-03-01T00:00:00Z",
});

/**
 * What the audit trail can be narrowed by. One schema for the page's tRPC call and the CSV
 * route's query string, so both accept and refuse exactly the same filters.
 */
export const ZAuditFilters = z
  .object({
    /** An exact action (`flow.published`), or every action under a prefix ending in a dot (`flow.`). */
    action: z
      .string()
      .max(100)
      .regex(
        /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/,
        "An action is a dotted verb like flow.published, or a prefix like flow.",
      )
      .optional(),
    actorUserId: z.uuid("The person filter must be a user id").optional(),
    targetType: z.string().min(1).max(50).optional(),
    targetId: z.string().min(1).max(200).optional(),
    /** Inclusive. */
    from: ZInstant.optional(),
    /** Exclusive, so "to the start of the next day" covers a whole day. */
    to: ZInstant.optional(),
  })
  .refine((filters) => !filters.from || !filters.to || Date.parse(filters.from) < Date.parse(filters.to), {
    message: "The start of the date range must be before its end",
    path: ["to"],
  });

export type AuditFilters = z.infer<typeof ZAuditFilters>;

/** `flow.` filters by prefix, `flow.published` exactly. */
export function splitActionFilter(action: string | undefined): { exact: string | null; prefix: string | null } {
  if (!action) return { exact: null, prefix: null };
  return action.endsWith(".") ? { exact: null, prefix: action } : { exact: action, prefix: null };
}
