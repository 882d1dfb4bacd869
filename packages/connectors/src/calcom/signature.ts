import { verifyHmacSha256, type WebhookVerifyInput, type WebhookVerifyResult } from "@handoff/connector-sdk";

export const SIGNATURE_HEADER = "x-cal-signature-256";

/** What Cal.com puts in the signature header when the webhook has no secret. */
export const NO_SECRET_SIGNATURE = "no-secret-provided";

/**
 * `X-Cal-Signature-256` = hex HMAC-SHA256(webhook secret, raw body), compared in constant time.
 * Cal.com signs no timestamp, so there is no replay window: replays are caught by the event id
 * (`triggerEvent:uid:createdAt`) instead. Unsigned deliveries are always refused, because a
 * booking webhook starts invoices and CRM writes, and anyone who learns the hook URL could forge one.
 */
export function verifyCalcomSignature(input: WebhookVerifyInput<unknown>): WebhookVerifyResult {
  if (input.secret === undefined || input.secret === "") {
    return {
      ok: false,
      reason:
        "no signing secret is configured for this hook; Cal.com deliveries are always verified, so re-publish the flow (it subscribes with a secret) or set the hook's secret in Cal.com and here",
    };
  }
  const signature = input.headers[SIGNATURE_HEADER]?.trim();
  if (!signature) return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  if (signature === NO_SECRET_SIGNATURE) {
    return {
      ok: false,
      reason: `the Cal.com webhook has no secret (${SIGNATURE_HEADER}: ${NO_SECRET_SIGNATURE}); set its secret to this hook's`,
    };
  }
  return verifyHmacSha256({ secret: input.secret, content: input.rawBody, signature, encoding: "hex" });
}
