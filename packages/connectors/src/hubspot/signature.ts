import { verifyHmacSha256, type WebhookVerifyInput, type WebhookVerifyResult } from "@handoff/connector-sdk";

export const SIGNATURE_HEADER = "x-hubspot-signature-v3";
export const TIMESTAMP_HEADER = "x-hubspot-request-timestamp";

/** HubSpot rejects older requests itself; we also refuse ones dated that far ahead (clock games). */
export const REPLAY_WINDOW_MS = 5 * 60_000;

const DECODED_ESCAPES: Readonly<Record<string, string>> = {
  "%3A": ":",
  "%2F": "/",
  "%3F": "?",
  "%40": "@",
  "%21": "!",
  "%24": "$",
  "%27": "'",
  "%28": "(",
  "%29": ")",
  "%2A": "*",
  "%2C": ",",
  "%3B": ";",
};

/** HubSpot hashes the URI with these escapes decoded (its docs list them); any other escape stays as sent. */
export function decodeSignedUri(uri: string): string {
  return uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (encoded) => DECODED_ESCAPES[encoded.toUpperCase()] ?? encoded,
  );
}

/**
 * Signature v3: base64(HMAC-SHA256(app client secret, METHOD + full URL + raw body + timestamp)),
 * the timestamp being `X-HubSpot-Request-Timestamp` in epoch milliseconds, within 5 minutes of now.
 * HubSpot always signs, so a hook without a secret refuses everything. The legacy v1/v2 headers
 * are plain hashes, not HMACs, and are never accepted on their own.
 */
export function verifyHubspotSignature(input: WebhookVerifyInput<unknown>): WebhookVerifyResult {
  if (input.secret === undefined || input.secret === "") {
    return {
      ok: false,
      reason: "no signing secret is configured for this hook; HubSpot signs with the app's client secret",
    };
  }
  const signature = input.headers[SIGNATURE_HEADER]?.trim();
  if (!signature) {
    const legacy = input.headers["x-hubspot-signature"]
      ? " (only a legacy v1/v2 signature, which is not accepted)"
      : "";
    return { ok: false, reason: `missing ${SIGNATURE_HEADER} header${legacy}` };
  }
  const timestamp = input.headers[TIMESTAMP_HEADER]?.trim() ?? "";
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: `missing or invalid ${TIMESTAMP_HEADER} header` };
  const skew = input.now.getTime() - Number(timestamp);
  if (skew > REPLAY_WINDOW_MS)
    return { ok: false, reason: `the request is ${Math.round(skew / 1000)} s old (over 5 min)` };
  if (-skew > REPLAY_WINDOW_MS) {
    return { ok: false, reason: `the request is dated ${Math.round(-skew / 1000)} s in the future (over 5 min)` };
  }
  const source = Buffer.concat([
    Buffer.from(`${input.method.toUpperCase()}${decodeSignedUri(input.url)}`, "utf8"),
    input.rawBody,
    Buffer.from(timestamp, "utf8"),
  ]);
  return verifyHmacSha256({ secret: input.secret, content: source, signature, encoding: "base64" });
}
