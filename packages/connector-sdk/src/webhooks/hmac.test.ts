import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WebhookVerifyInput } from "../triggers/webhook";
import { hmacSha256Verifier, signHmacSha256, verifyHmacSha256 } from "./hmac";

const secret = "whsec_test";
const body = Buffer.from('{"id":"evt_1","amount":1200}');
// Computed independently of the code under test.
const expectedHex = createHmac("sha256", secret).update(body).digest("hex");
const expectedBase64 = createHmac("sha256", secret).update(body).digest("base64");

describe("signHmacSha256", () => {
  it("matches node:crypto in both encodings", () => {
    expect(signHmacSha256(secret, body, "hex")).toBe(expectedHex);
    expect(signHmacSha256(secret, body, "base64")).toBe(expectedBase64);
    expect(expectedHex).toHaveLength(64);
  });
});

describe("verifyHmacSha256", () => {
  it("accepts a good hex signature, in either letter case", () => {
    expect(verifyHmacSha256({ secret, content: body, signature: expectedHex, encoding: "hex" })).toEqual({ ok: true });
    expect(verifyHmacSha256({ secret, content: body, signature: expectedHex.toUpperCase(), encoding: "hex" })).toEqual({
      ok: true,
    });
  });

  it("accepts a good base64 signature", () => {
    expect(verifyHmacSha256({ secret, content: body, signature: expectedBase64, encoding: "base64" })).toEqual({
      ok: true,
    });
  });

  it("rejects a signature made with another secret or over other bytes", () => {
    const otherSecret = createHmac("sha256", "other").update(body).digest("hex");
    expect(verifyHmacSha256({ secret, content: body, signature: otherSecret, encoding: "hex" })).toEqual({
      ok: false,
      reason: "signature does not match",
    });
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    expect(verifyHmacSha256({ secret, content: reserialised, signature: expectedHex, encoding: "hex" }).ok).toBe(false);
  });

  it("rejects a wrong-length signature without throwing", () => {
    expect(verifyHmacSha256({ secret, content: body, signature: expectedHex.slice(0, 62), encoding: "hex" })).toEqual({
      ok: false,
      reason: "signature has 31 bytes; an HMAC-SHA256 has 32",
    });
    expect(verifyHmacSha256({ secret, content: body, signature: `${expectedHex}00`, encoding: "hex" }).ok).toBe(false);
  });

  it("rejects characters outside the encoding instead of decoding a prefix", () => {
    // Buffer.from(x, "hex") would stop at "zz" and decode the valid 32 bytes before it.
    expect(verifyHmacSha256({ secret, content: body, signature: `${expectedHex}zz`, encoding: "hex" })).toEqual({
      ok: false,
      reason: "signature is not hex",
    });
    expect(verifyHmacSha256({ secret, content: body, signature: "not base64!", encoding: "base64" })).toEqual({
      ok: false,
      reason: "signature is not base64",
    });
  });
});

function input(overrides: Partial<WebhookVerifyInput<unknown>>): WebhookVerifyInput<unknown> {
  return {
    rawBody: body,
    headers: {},
    url: "https://handoff.example/api/hooks/h_1",
    method: "POST",
    props: {},
    secret,
    now: new Date("2025-06-02T10:00:00Z"),
    ...overrides,
  };
}

describe("hmacSha256Verifier", () => {
  const verify = hmacSha256Verifier({
    header: "X-Test-Signature",
    prefix: "sha256=",
    encoding: "hex",
    withoutSecret: "reject",
  });

  it("checks the prefixed header against the raw body", () => {
    expect(verify(input({ headers: { "x-test-signature": `sha256=${expectedHex}` } }))).toEqual({ ok: true });
    expect(verify(input({ headers: { "x-test-signature": expectedHex } }))).toEqual({
      ok: false,
      reason: 'x-test-signature header does not start with "sha256="',
    });
    expect(verify(input({ headers: {} }))).toEqual({ ok: false, reason: "missing x-test-signature header" });
  });

  it("follows the withoutSecret policy", () => {
    expect(verify(input({ secret: undefined }))).toEqual({
      ok: false,
      reason: "no signing secret is configured for this hook",
    });
    const optional = hmacSha256Verifier({ header: "x-sig", encoding: "hex", withoutSecret: "accept" });
    expect(optional(input({ secret: undefined }))).toEqual({ ok: true });
    expect(optional(input({ headers: { "x-sig": "00" } })).ok).toBe(false);
  });

  it("signs custom content when the scheme needs it (timestamp + body)", () => {
    const stamped = hmacSha256Verifier({
      header: "x-sig",
      encoding: "base64",
      withoutSecret: "reject",
      signedContent: ({ headers, rawBody }) => `${headers["x-timestamp"]}.${rawBody.toString("utf8")}`,
    });
    const signature = createHmac("sha256", secret).update(`1717322400.${body.toString()}`).digest("base64");
    expect(stamped(input({ headers: { "x-sig": signature, "x-timestamp": "1717322400" } }))).toEqual({ ok: true });
    expect(stamped(input({ headers: { "x-sig": signature, "x-timestamp": "1717322401" } })).ok).toBe(false);
  });
});
