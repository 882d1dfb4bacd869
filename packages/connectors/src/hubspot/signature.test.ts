import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyHubspotSignature } from "./signature";

const SECRET = "b6f0d2a4-1e3c-4a57-8d9b-0c2e4f6a8b1d";
const URL_CALLED = "https://handoff.example.com/api/hooks/h_1?x=1";
const BODY = Buffer.from(
  '[{"eventId":1,"subscriptionId":2,"portalId":3,"occurredAt":1741078800000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":1001,"changeSource":"CRM_UI"}]',
);
const NOW = new Date("2025-03-04T09:00:00.000Z");

/** HubSpot's documented recipe, written out independently of the verifier under test. */
function sign(source: string, secret = SECRET): string {
  return createHmac("sha256", secret).update(source, "utf8").digest("base64");
}

function verify(options: {
  signature?: string;
  timestampMs?: number;
  body?: Buffer;
  url?: string;
  secret?: string | undefined;
  headers?: Record<string, string>;
}) {
  const timestamp = String(options.timestampMs ?? NOW.getTime());
  const signature = options.signature ?? sign(`POST${URL_CALLED}${BODY.toString("utf8")}${timestamp}`);
  return verifyHubspotSignature({
    rawBody: options.body ?? BODY,
    headers: options.headers ?? { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": timestamp },
    url: options.url ?? URL_CALLED,
    method: "POST",
    props: {},
    ...("secret" in options ? (options.secret === undefined ? {} : { secret: options.secret }) : { secret: SECRET }),
    now: NOW,
  });
}

describe("verifyHubspotSignature (v3)", () => {
  it("accepts base64 HMAC-SHA256 of method + full URL + raw body + timestamp", () => {
    expect(verify({})).toEqual({ ok: true });
  });

  it("accepts a request signed 4 minutes ago or dated 4 minutes ahead (clock skew)", () => {
    for (const timestampMs of [NOW.getTime() - 240_000, NOW.getTime() + 240_000]) {
      const signature = sign(`POST${URL_CALLED}${BODY.toString("utf8")}${timestampMs}`);
      expect(verify({ signature, timestampMs })).toEqual({ ok: true });
    }
  });

  it("refuses a stale request and one dated over 5 minutes in the future, even with a good signature", () => {
    for (const timestampMs of [NOW.getTime() - 301_000, NOW.getTime() + 301_000]) {
      const signature = sign(`POST${URL_CALLED}${BODY.toString("utf8")}${timestampMs}`);
      expect(verify({ signature, timestampMs })).toMatchObject({ ok: false, reason: expect.stringMatching(/5 min/) });
    }
  });

  it("refuses a tampered body, another URL, the wrong secret and a bad encoding", () => {
    expect(verify({ body: Buffer.from(`${BODY.toString("utf8")} `) })).toMatchObject({ ok: false });
    expect(verify({ url: "https://handoff.example.com/api/hooks/h_2?x=1" })).toMatchObject({ ok: false });
    const timestamp = NOW.getTime();
    const wrongSecret = sign(`POST${URL_CALLED}${BODY.toString("utf8")}${timestamp}`, "another-secret");
    expect(verify({ signature: wrongSecret })).toEqual({ ok: false, reason: "signature does not match" });
    expect(verify({ signature: "not base64!" })).toMatchObject({ ok: false, reason: "signature is not base64" });
  });

  it("hashes the URL with HubSpot's listed escapes decoded", () => {
    const url = "https://handoff.example.com/api/hooks/h_1?next=%2Fhome%3Fa%3D1";
    const timestamp = NOW.getTime();
    const signature = sign(
      `POSThttps://handoff.example.com/api/hooks/h_1?next=/home?a%3D1${BODY.toString("utf8")}${timestamp}`,
    );
    expect(verify({ signature, url })).toEqual({ ok: true });
  });

  it("refuses a missing secret, signature or timestamp, and a legacy v1 signature on its own", () => {
    expect(verify({ secret: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no signing secret/),
    });
    expect(verify({ headers: { "x-hubspot-request-timestamp": String(NOW.getTime()) } })).toMatchObject({
      ok: false,
      reason: "missing x-hubspot-signature-v3 header",
    });
    expect(verify({ headers: { "x-hubspot-signature-v3": "abc=" } })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/timestamp/),
    });
    const legacy = `${SECRET}${BODY.toString("utf8")}`;
    expect(verify({ headers: { "x-hubspot-signature": legacy, "x-hubspot-signature-version": "v1" } })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/legacy/),
    });
  });
});
