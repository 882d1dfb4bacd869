import { ConnectorError, type JsonValue } from "@handoff/connector-sdk";

/** An action output is stored with the run; bigger responses belong in a file, not a step. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export function responseHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/** Reads at most `maxBytes`, cancelling the download instead of buffering an unbounded body. */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ConnectorError {
  return new ConnectorError({
    code: "too_large",
    message: `the response is larger than ${Math.round(maxBytes / 1024)} KiB, the most an HTTP request step keeps`,
  });
}

/** JSON when the server says so and it parses; otherwise the text, so nothing is lost. */
export function decodeBody(bytes: Buffer, contentType: string | null): JsonValue {
  if (bytes.length === 0) return null;
  const text = bytes.toString("utf8");
  if (contentType && JSON_CONTENT_TYPE.test(contentType)) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  }
  return text;
}
