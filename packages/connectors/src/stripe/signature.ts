import { verifyHmacSha256, type WebhookVerifyInput, type WebhookVerifyResult } from "@handoff/connector-sdk";

export const SIGNATURE_HEADER = "stripe-signature";

/** Stripe's SDKs refuse events signed more than 5 minutes from now, which bounds replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `t=1714000000,v1=<hex>,v1=<hex>,v0=<hex>` → the timestamp as sent and every v1 (v0 is ignored). */
export function parseSignatureHeader(header: string): { timestamp: string | undefined; signatures: string[] } {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (name === "t") timestamp = value;
    else if (name === "v1" && value !== "") signatures.push(value);
  }
  return { timestamp, signatures };
}

/**
 * `Stripe-Signature`: hex HMAC-SHA256, keyed with the endpoint's `whsec_…` secret used as-is,
 * over `${t}.${raw body}`. Any `v1` may match (Stripe signs with old and new secrets while one
 * is rolled). Every candidate is checked in constant time, and the timestamp must be within 300 s
 * of now on either side: an old delivery replayed, or one dated ahead, is refused.
 */
export function verifyStripeSignature(input: WebhookVerifyInput<unknown>): WebhookVerifyResult {
  if (input.secret === undefined || input.secret === "") {
    return {
      ok: false,
      reason:
        "no signing secret is configured for this hook; re-publish the flow so it registers a Stripe webhook endpoint",
    };
  }
  const header = input.headers[SIGNATURE_HEADER]?.trim();
  if (!header) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  const { timestamp, signatures } = parseSignatureHeader(header);
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: `${SIGNATURE_HEADER} has no t=<unix seconds> timestamp` };
  }
  if (signatures.length === 0) return { ok: false, reason: `${SIGNATURE_HEADER} has no v1 signature` };
  const content = Buffer.concat([Buffer.from(`${timestamp}.`, "utf8"), input.rawBody]);
  const secret = input.secret;
  // Check every candidate rather than stopping at the first match, so timing says nothing about which.
  const results = signatures.map((signature) => verifyHmacSha256({ secret, content, signature, encoding: "hex" }).ok);
  if (!results.includes(true)) return { ok: false, reason: "no v1 signature matches" };
  const skew = Math.floor(input.now.getTime() / 1000) - Number(timestamp);
  if (skew > SIGNATURE_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: `signed ${skew} s ago, beyond the ${SIGNATURE_TOLERANCE_SECONDS} s tolerance (a replay?)`,
    };
  }
  if (skew < -SIGNATURE_TOLERANCE_SECONDS) {
    return {
      ok: false,
      reason: `signed ${-skew} s in the future, beyond the ${SIGNATURE_TOLERANCE_SECONDS} s tolerance`,
    };
  }
  return { ok: true };
}
