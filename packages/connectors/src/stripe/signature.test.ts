import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { invoicePaidTrigger } from "./invoice-paid";
import { parseSignatureHeader, verifyStripeSignature } from "./signature";

const secret = "whsec_5f1Yq8ZpR2tLm0Xc7VbN3kJd9HsA4wEu";
const rawBody = Buffer.from('{\n  "id": "evt_1QhK3b",\n  "object": "event",\n  "type": "invoice.paid"\n}');
const now = new Date("2026-11-20T09:30:00Z");
const t = Math.floor(now.getTime() / 1000);

/** Stripe's documented scheme, written out independently: hex HMAC-SHA256(secret as-is, `${t}.${raw body}`). */
const sign = (key: string, timestamp: number, body: Buffer = rawBody) =>
  createHmac("sha256", key)
    .update(`${timestamp}.${body.toString("utf8")}`)
    .digest("hex");

function input(header: string | undefined, overrides: { secret?: string | null; rawBody?: Buffer } = {}) {
  const key = overrides.secret === undefined ? secret : overrides.secret;
  return {
    rawBody: overrides.rawBody ?? rawBody,
    headers: header === undefined ? ({} as Record<string, string>) : { "stripe-signature": header },
    url: "https://handoff.example/api/hooks/h_1",
    method: "POST",
    props: {},
    ...(key === null ? {} : { secret: key }),
    now,
  };
}

describe("Stripe-Signature", () => {
  it("accepts the v1 signature of t, a dot and the raw body", () => {
    expect(verifyStripeSignature(input(`t=${t},v1=${sign(secret, t)}`))).toEqual({ ok: true });
    expect(invoicePaidTrigger.verify(input(`t=${t},v1=${sign(secret, t)}`))).toEqual({ ok: true });
  });

  it("accepts any of several v1 signatures (a secret being rolled) and ignores v0", () => {
    const header = `t=${t},v1=${sign("whsec_old", t)},v1=${sign(secret, t)},v0=${sign("whsec_test", t)}`;
    expect(verifyStripeSignature(input(header))).toEqual({ ok: true });
    expect(parseSignatureHeader(header)).toEqual({
      timestamp: String(t),
      signatures: [sign("whsec_old", t), sign(secret, t)],
    });
    const onlyV0 = `t=${t},v0=${sign(secret, t)}`;
    expect(verifyStripeSignature(input(onlyV0))).toEqual({ ok: false, reason: "stripe-signature has no v1 signature" });
  });

  it("rejects another secret, another body, another timestamp or a re-serialised body", () => {
    const refused = { ok: false, reason: "no v1 signature matches" };
    expect(verifyStripeSignature(input(`t=${t},v1=${sign("whsec_other", t)}`))).toEqual(refused);
    const tampered = Buffer.from(rawBody.toString().replace("evt_1QhK3b", "evt_2QhK3b"));
    expect(verifyStripeSignature(input(`t=${t},v1=${sign(secret, t)}`, { rawBody: tampered }))).toEqual(refused);
    expect(verifyStripeSignature(input(`t=${t + 1},v1=${sign(secret, t)}`))).toEqual(refused);
    const compact = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString())));
    expect(verifyStripeSignature(input(`t=${t},v1=${sign(secret, t)}`, { rawBody: compact }))).toEqual(refused);
    expect(verifyStripeSignature(input(`t=${t},v1=not-hex`))).toEqual(refused);
  });

  it("rejects a stale signature and one dated ahead, beyond 300 seconds either way", () => {
    const at = (timestamp: number) => input(`t=${timestamp},v1=${sign(secret, timestamp)}`);
    expect(verifyStripeSignature(at(t - 300))).toEqual({ ok: true });
    expect(verifyStripeSignature(at(t + 300))).toEqual({ ok: true });
    expect(verifyStripeSignature(at(t - 301))).toEqual({
      ok: false,
      reason: "signed 301 s ago, beyond the 300 s tolerance (a replay?)",
    });
    expect(verifyStripeSignature(at(t - 86_400)).ok).toBe(false);
    expect(verifyStripeSignature(at(t + 301))).toEqual({
      ok: false,
      reason: "signed 301 s in the future, beyond the 300 s tolerance",
    });
  });

  it("rejects a missing header, timestamp or secret", () => {
    expect(verifyStripeSignature(input(undefined))).toEqual({ ok: false, reason: "missing stripe-signature header" });
    expect(verifyStripeSignature(input(`v1=${sign(secret, t)}`))).toEqual({
      ok: false,
      reason: "stripe-signature has no t=<unix seconds> timestamp",
    });
    expect(verifyStripeSignature(input(`t=soon,v1=${sign(secret, t)}`)).ok).toBe(false);
    const noSecret = verifyStripeSignature(input(`t=${t},v1=${sign(secret, t)}`, { secret: null }));
    expect(noSecret.ok).toBe(false);
  });
});
