import { z } from "zod";

/** Shared prop schemas. Expressions that resolve to nothing give "", which means "not given". */
export const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().optional(),
);

/** Any date-time JavaScript reads (ISO-8601 with an offset, ideally); HubSpot gets it as UTC ISO-8601. */
export const ZDateTime = z
  .string()
  .trim()
  .refine((value) => !Number.isNaN(Date.parse(value)), "not a date-time HubSpot can read (use ISO-8601)")
  .transform((value) => new Date(value).toISOString());

export const ZOptionalEmail = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.email("email is not a valid e-mail address").optional(),
);
