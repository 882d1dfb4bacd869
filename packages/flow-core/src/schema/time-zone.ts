import { IANAZone } from "luxon";
import { z } from "zod";

export function isValidTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** An IANA zone name such as `Europe/Paris`; offsets like `+02:00` are refused because they ignore DST. */
export const ZTimeZone = z
  .string()
  .min(1)
  .refine((name) => name.includes("/") || name === "UTC", { message: "Use an IANA time zone such as Europe/Paris" })
  .refine(isValidTimeZone, { message: "Unknown time zone" });
