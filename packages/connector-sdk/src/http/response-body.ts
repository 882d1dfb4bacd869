import type { JsonValue } from "../json";

/** A provider answer larger than this is a bug or an attack, not data a step should hold. */
export const MAX_PROVIDER_RESPONSE_BYTES = 10 * 1024 * 1024;

/** JSON when the body parses as JSON, else the text; empty bodies (204) are null. */
export async function readResponseBody(response: Response): Promise<JsonValue> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_PROVIDER_RESPONSE_BYTES) {
    await response.body?.cancel();
    return `(response of ${declared} bytes not read: over the ${MAX_PROVIDER_RESPONSE_BYTES}-byte limit)`;
  }
  const text = await response.text();
  if (text === "") return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
