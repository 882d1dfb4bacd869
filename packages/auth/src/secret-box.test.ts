import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box";

const key = () => randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips a secret, with a different nonce every time", () => {
    const box = createSecretBox(key());
    const first = box.seal("pat-na1-1234");
    const second = box.seal("pat-na1-1234");
    expect(first).not.toBe(second);
    expect(first).not.toContain("pat-na1");
    expect(box.open(first)).toBe("pat-na1-1234");
    expect(box.open(second)).toBe("pat-na1-1234");
  });

  it("names the key mismatch instead of returning garbage", () => {
    const sealed = createSecretBox(key()).seal("s3cret");
    const other = createSecretBox(key());
    expect(() => other.open(sealed)).toThrow(/was sealed with key [0-9a-f]{8}, not the configured key [0-9a-f]{8}/);
  });

  it("detects tampering", () => {
    const box = createSecretBox(key());
    const parts = box.seal("s3cret").split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => box.open(parts.join("."))).toThrow("failed its integrity check");
  });

  it("refuses a key of the wrong size with the way to make one", () => {
    expect(() => createSecretBox(Buffer.from("short").toString("base64"))).toThrow("openssl rand -base64 32");
  });
});
