import { isJsonObject, type JsonValue } from "../json";

export const PROVIDER_MESSAGE_MAX_LENGTH = 500;

export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return `${text.slice(0, maxLength - 1)}…`;
}

/** Where common APIs put the human-readable reason, most specific first. */
const MESSAGE_PATHS: readonly (readonly string[])[] = [
  ["error", "message"],
  ["message"],
  ["error_description"],
  ["error"],
  ["detail"],
  ["title"],
  ["errors", "0", "message"],
  ["errors", "0", "detail"],
];

function at(value: JsonValue, path: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const segment of path) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isJsonObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/**
 * The provider's reason for a failed request, kept short for run lists and error records. A JSON
 * body without a known message field is kept whole (truncated) rather than lost.
 */
export function extractProviderMessage(body: JsonValue | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") {
    const text = body.trim();
    return text === "" ? undefined : truncateText(text, PROVIDER_MESSAGE_MAX_LENGTH);
  }
  for (const path of MESSAGE_PATHS) {
    const found = at(body, path);
    if (typeof found === "string" && found.trim() !== "") {
      return truncateText(found.trim(), PROVIDER_MESSAGE_MAX_LENGTH);
    }
  }
  return truncateText(JSON.stringify(body), PROVIDER_MESSAGE_MAX_LENGTH);
}
