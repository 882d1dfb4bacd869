import { STATUS_CODES } from "node:http";
import { ConnectorError, type JsonValue } from "@handoff/connector-sdk";
import type { Dispatcher } from "undici";

/** An action output is stored with the run; bigger responses belong in a file, not a step. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export type HttpResponse = Dispatcher.ResponseData;

/** Lower-case names; a repeated header (set-cookie) joined with ", " as fetch would. */
export function responseHeaders(response: HttpResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

export function contentType(response: HttpResponse): string | null {
  const value = response.headers["content-type"];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The standard reason phrase: HTTP/1.1 servers may send any text, HTTP/2 sends none. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? "";
}

/** Reads at most `maxBytes`, dropping the connection's download instead of buffering an unbounded body. */
export async function readBodyCapped(response: HttpResponse, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.body.destroy();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += (chunk as Buffer).byteLength;
    if (total > maxBytes) {
      response.body.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ConnectorError {
  return new ConnectorError({
    code: "too_large",
    message: `the response is larger than ${Math.round(maxBytes / 1024)} KiB, the most an HTTP request step keeps`,
  });
}

/** JSON when the server says so and it parses; otherwise the text, so nothing is lost. */
export function decodeBody(bytes: Buffer, type: string | null): JsonValue {
  if (bytes.length === 0) return null;
  const text = bytes.toString("utf8");
  if (type && JSON_CONTENT_TYPE.test(type)) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  }
  return text;
}
