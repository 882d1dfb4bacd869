import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bookingCreatedTrigger } from "./booking-created";
import { verifyCalcomSignature } from "./signature";

const secret = "hook-secret-9f2c";
const rawBody = Buffer.from(
  '{"triggerEvent":"BOOKING_CREATED","createdAt":"2026-11-20T08:15:42.318Z","payload":{"uid":"8xKq2mZ7vT4nR9pW3sY6bD"}}',
);
/** Cal.com's algorithm, written out independently of the connector: hex HMAC-SHA256 of the raw body. */
const sign = (key: string, body: Buffer) => createHmac("sha256", key).update(body).digest("hex");

function input(headers: Record<string, string>, overrides: { secret?: string; rawBody?: Buffer } = {}) {
  return {
    rawBody: overrides.rawBody ?? rawBody,
    headers,
    url: "https://handoff.example/api/hooks/h_1",
    method: "POST",
    props: {},
    ...("secret" in overrides ? (overrides.secret === undefined ? {} : { secret: overrides.secret }) : { secret }),
    now: new Date("2026-11-20T08:15:43Z"),
  };
}

describe("Cal.com signature (X-Cal-Signature-256)", () => {
  it("accepts the hex HMAC-SHA256 of the raw body, whatever the header's case and surrounding spaces", () => {
    const signature = sign(secret, rawBody);
    expect(verifyCalcomSignature(input({ "x-cal-signature-256": signature }))).toEqual({ ok: true });
    expect(verifyCalcomSignature(input({ "x-cal-signature-256": ` ${signature.toUpperCase()} ` }))).toEqual({
      ok: true,
    });
    expect(bookingCreatedTrigger.verify(input({ "x-cal-signature-256": signature }))).toEqual({ ok: true });
  });

  it("rejects a signature made with another secret, over another body, or not in hex", () => {
    expect(verifyCalcomSignature(input({ "x-cal-signature-256": sign("other-secret", rawBody) }))).toEqual({
      ok: false,
      reason: "signature does not match",
    });
    const tampered = Buffer.from(rawBody.toString().replace("8xKq", "9xKq"));
    expect(
      verifyCalcomSignature(input({ "x-cal-signature-256": sign(secret, rawBody) }, { rawBody: tampered })),
    ).toEqual({ ok: false, reason: "signature does not match" });
    // Re-serialised JSON is not the raw body: a verifier that parses first would accept this.
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString()), null, 2));
    expect(
      verifyCalcomSignature(input({ "x-cal-signature-256": sign(secret, rawBody) }, { rawBody: reformatted })).ok,
    ).toBe(false);
    expect(verifyCalcomSignature(input({ "x-cal-signature-256": "zz-not-hex" }))).toEqual({
      ok: false,
      reason: "signature is not hex",
    });
    expect(verifyCalcomSignature(input({ "x-cal-signature-256": sign(secret, rawBody).slice(0, 40) }))).toEqual({
      ok: false,
      reason: "signature has 20 bytes; an HMAC-SHA256 has 32",
    });
  });

  it("rejects Cal.com's no-secret-provided marker and a missing header", () => {
    const marker = verifyCalcomSignature(input({ "x-cal-signature-256": "no-secret-provided" }));
    expect(marker.ok).toBe(false);
    expect(marker.ok ? "" : marker.reason).toContain("no-secret-provided");
    expect(verifyCalcomSignature(input({}))).toEqual({ ok: false, reason: "missing x-cal-signature-256 header" });
  });

  it("always requires a secret on the hook, even for a delivery that looks signed", () => {
    const result = verifyCalcomSignature(
      input({ "x-cal-signature-256": sign(secret, rawBody) }, { secret: undefined }),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/no signing secret is configured.*always verified/);
    expect(verifyCalcomSignature(input({ "x-cal-signature-256": "no-secret-provided" }, { secret: "" })).ok).toBe(
      false,
    );
  });

  it("has no replay window: an old delivery still verifies, and is caught by its event id instead", () => {
    const signature = sign(secret, rawBody);
    const muchLater = { ...input({ "x-cal-signature-256": signature }), now: new Date("2030-01-01T00:00:00Z") };
    expect(verifyCalcomSignature(muchLater)).toEqual({ ok: true });
  });
});
