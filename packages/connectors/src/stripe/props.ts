import { z } from "zod";

/** Shared prop schemas. Expressions that resolve to nothing give "", which means "not given". */
const blankToUndefined = (value: unknown) =>
  (typeof value === "string" && value.trim() === "") || value === null ? undefined : value;

export const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

/** Expressions resolve to text ("8500"); whole numbers written as text are read as numbers. */
const numericText = (value: unknown) =>
  typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;

/** An amount in the currency's minor unit (cents): 54.00 EUR is 5400. */
export const ZMinorAmount = z.preprocess(
  numericText,
  z.number().int("amounts are whole numbers of cents (54.00 EUR is 5400)"),
);

export const ZPositiveMinorAmount = z.preprocess(
  numericText,
  z.number().int("amounts are whole numbers of cents (54.00 EUR is 5400)").positive("must be more than 0"),
);

export const ZWholeNumber = z.preprocess(numericText, z.number().int());

export const ZOptionalWholeNumber = z.preprocess(
  (value) => numericText(blankToUndefined(value)),
  z.number().int().min(0).optional(),
);

export const ZStripeId = (prefix: string, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .refine((value) => value.startsWith(prefix), `${label} starts with ${prefix}`);

export const ZInvoiceId = ZStripeId("in_", "invoiceId").describe("The Stripe invoice id (in_…)");

export const ZCurrency = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^[a-zA-Z]{3}$/, "a three-letter ISO currency code, e.g. eur")
    .transform((value) => value.toLowerCase())
    .default("eur"),
);

/** Ids picked from a list, or an expression; "" and duplicates dropped. */
export const ZIdList = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((item) => item !== "" && item !== null) : blankToUndefined(value)),
  z
    .array(z.string().trim().min(1))
    .transform((ids) => [...new Set(ids)])
    .optional(),
);

/** Stripe metadata: at most 50 keys of ≤ 40 characters, string values of ≤ 500. */
export const ZMetadata = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((metadata) => Object.keys(metadata).length <= 50, "at most 50 metadata keys")
  .optional();
