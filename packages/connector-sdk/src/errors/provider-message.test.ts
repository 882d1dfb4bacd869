import { describe, expect, it } from "vitest";
import { extractProviderMessage, PROVIDER_MESSAGE_MAX_LENGTH, truncateText } from "./provider-message";

describe("extractProviderMessage", () => {
  it("finds the message where common APIs put it", () => {
    expect(
      extractProviderMessage({ error: { message: "No such customer: cus_1", type: "invalid_request_error" } }),
    ).toBe("No such customer: cus_1");
    expect(extractProviderMessage({ status: "error", message: "Contact already exists. Existing ID: 42" })).toBe(
      "Contact already exists. Existing ID: 42",
    );
    expect(extractProviderMessage({ error: "invalid_grant", error_description: "Token has been revoked." })).toBe(
      "Token has been revoked.",
    );
    expect(extractProviderMessage({ success: false, error: "Person not found" })).toBe("Person not found");
    expect(extractProviderMessage({ errors: [{ message: "Name is required" }] })).toBe("Name is required");
  });

  it("keeps an unrecognised JSON body and plain text, trimmed", () => {
    expect(extractProviderMessage({ code: 7 })).toBe('{"code":7}');
    expect(extractProviderMessage("  Bad Gateway\n")).toBe("Bad Gateway");
    expect(extractProviderMessage("   ")).toBeUndefined();
    expect(extractProviderMessage(null)).toBeUndefined();
  });

  it("truncates long messages", () => {
    const message = extractProviderMessage("x".repeat(2000));
    expect(message).toHaveLength(PROVIDER_MESSAGE_MAX_LENGTH);
    expect(message?.endsWith("…")).toBe(true);
    expect(truncateText("short", 10)).toBe("short");
  });
});
