import type { JsonObject, JsonValue } from "@handoff/connector-sdk";
import { isJsonObject } from "@handoff/connector-sdk";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Below this a number is epoch seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

/** ISO-8601 strings and epoch numbers; `Date.parse("3")` would otherwise be a date in 2001. */
export function toDate(value: JsonValue | undefined): Date | undefined {
  let time: number;
  if (typeof value === "string" && ISO_DATE.test(value)) time = Date.parse(value);
  else if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    time = value < SECONDS_LIMIT ? value * 1000 : value;
  } else return undefined;
  return Number.isNaN(time) ? undefined : new Date(time);
}

export function nonEmptyString(value: JsonValue | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_KEYS = 20;
const MAX_DEPTH = 4;

/** E-mail addresses anywhere near the top of the payload, lower-cased, for searching runs. */
export function collectEmails(payload: JsonObject): string[] {
  const found = new Set<string>();
  const visit = (value: JsonValue, depth: number) => {
    if (found.size >= MAX_KEYS || depth > MAX_DEPTH) return;
    if (typeof value === "string") {
      const text = value.trim();
      if (text.length <= 254 && EMAIL.test(text)) found.add(text.toLowerCase());
    } else if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_KEYS)) visit(item, depth + 1);
    } else if (isJsonObject(value)) {
      for (const item of Object.values(value).slice(0, 50)) visit(item, depth + 1);
    }
  };
  visit(payload, 0);
  return [...found];
}
