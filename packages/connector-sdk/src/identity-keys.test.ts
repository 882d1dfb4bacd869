import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizeIdentityKeys, normalizePhone } from "./identity-keys";

describe("identity keys", () => {
  it("lower-cases and trims e-mails", () => {
    expect(normalizeEmail("  Jane.Roe@Example.COM ")).toBe("jane.roe@example.com");
    expect(normalizeEmail("   ")).toBeUndefined();
  });

  it("reads national and international formats to the same E.164 number", () => {
    expect(normalizePhone("06 12 34 56 78", "FR")).toBe("+33612345678");
    expect(normalizePhone("+33 6 12 34 56 78", "US")).toBe("+33612345678");
    expect(normalizePhone("0033612345678", "FR")).toBe("+33612345678");
    expect(normalizePhone("(415) 555-2671", "US")).toBe("+14155552671");
  });

  it("drops what is not a valid phone number instead of matching it as typed", () => {
    expect(normalizePhone("12", "FR")).toBeUndefined();
    expect(normalizePhone("call me", "FR")).toBeUndefined();
    expect(normalizeIdentityKeys({ email: "A@B.co", phone: "nope" }, "FR")).toEqual({ email: "a@b.co" });
  });
});
