import { describe, expect, it } from "vitest";
import { readPropPath, writePropPath } from "./prop-path";

describe("prop paths", () => {
  const props = { lines: [{ unitAmount: "{{ trigger.price }}" }], rules: [{ value: "24" }], couponId: "" };

  it("reads through objects and list indexes, and gives undefined for what is not there", () => {
    expect(readPropPath(props, "lines.0.unitAmount")).toBe("{{ trigger.price }}");
    expect(readPropPath(props, "couponId")).toBe("");
    expect(readPropPath(props, "lines.1.unitAmount")).toBeUndefined();
    expect(readPropPath(props, "lines.first")).toBeUndefined();
    expect(readPropPath(props, "toString")).toBeUndefined();
  });

  it("writes a copy, leaving the original as it was", () => {
    const written = writePropPath(props, "rules.0.value", "48");
    expect(written.rules[0]?.value).toBe("48");
    expect(props.rules[0]?.value).toBe("24");
  });

  it("refuses to add a prop the template does not have", () => {
    expect(() => writePropPath(props, "lines.0.taxRate", "txr_1")).toThrow('no prop "lines.0.taxRate" to write');
    expect(() => writePropPath(props, "missing.value", "x")).toThrow('no prop "missing.value" to write');
  });
});
