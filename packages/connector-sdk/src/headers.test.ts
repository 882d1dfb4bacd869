import { describe, expect, it } from "vitest";
import { headerValue, normalizeHeaders } from "./headers";

describe("normalizeHeaders", () => {
  it("lower-cases names and joins repeated values", () => {
    expect(normalizeHeaders({ "X-Event-Id": "e1", Accept: ["a", "b"], "Content-Length": 12, Skip: undefined })).toEqual(
      {
        "x-event-id": "e1",
        accept: "a, b",
        "content-length": "12",
      },
    );
    expect(normalizeHeaders(new Headers({ "X-Test": "1" }))).toEqual({ "x-test": "1" });
  });

  it("finds a header whatever its case", () => {
    expect(headerValue({ "Retry-After": "2" }, "retry-after")).toBe("2");
    expect(headerValue(new Headers({ "retry-after": "3" }), "Retry-After")).toBe("3");
    expect(headerValue({}, "retry-after")).toBeUndefined();
  });
});
