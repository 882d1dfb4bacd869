import { describe, expect, it } from "vitest";
import { capOutput, REDACTED, redactSecrets } from "./step-record";

describe("capOutput", () => {
  it("keeps small outputs as they are", () => {
    expect(capOutput({ id: "in_1", total: 12000 })).toEqual({
      value: { id: "in_1", total: 12000 },
      truncated: false,
      originalBytes: 27,
    });
  });

  it("replaces an oversized output with a marker holding its beginning", () => {
    const big = { rows: Array.from({ length: 2000 }, (_, i) => ({ i, name: `customer ${i}` })) };
    const capped = capOutput(big, 4096);
    expect(capped.truncated).toBe(true);
    expect(capped.originalBytes).toBe(Buffer.byteLength(JSON.stringify(big)));
    const marker = capped.value as { __truncated: boolean; preview: string };
    expect(marker.__truncated).toBe(true);
    expect(marker.preview.startsWith('{"rows":[{"i":0,"name":"customer 0"}')).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(marker))).toBeLessThanOrEqual(4096);
  });
});

describe("redactSecrets", () => {
  it("hides secret-looking keys and known secret values wherever they appear", () => {
    const input = {
      url: "https://api.example.test/v1?key=sk_test_abcdef",
      headers: { Authorization: "Bearer pat-123456", "content-type": "application/json" },
      body: { email: "jane@roe.test", note: "token sk_test_abcdef inline" },
      apiKey: "whatever",
    };
    expect(redactSecrets(input, ["sk_test_abcdef"])).toEqual({
      url: `https://api.example.test/v1?key=${REDACTED}`,
      headers: { Authorization: REDACTED, "content-type": "application/json" },
      body: { email: "jane@roe.test", note: `token ${REDACTED} inline` },
      apiKey: REDACTED,
    });
  });

  it("does not touch the input it was given", () => {
    const input = { password: "hunter22" };
    redactSecrets(input);
    expect(input.password).toBe("hunter22");
  });
});
