import { describe, expect, it } from "vitest";
import { parseJsonText } from "./parse-json-text";

describe("parsing an edited trigger payload", () => {
  it("accepts any JSON value", () => {
    expect(parseJsonText('{\n  "email": "jane.roe@roe.test"\n}')).toEqual({
      ok: true,
      value: { email: "jane.roe@roe.test" },
    });
    expect(parseJsonText(" [1, null] ")).toEqual({ ok: true, value: [1, null] });
  });

  it("says where the text breaks, by line and column", () => {
    const broken = parseJsonText('{\n  "email": "jane@roe.test",\n  "phone" "+33"\n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problem).toMatch(/^Not valid JSON at line 3, column 11: /);
    const trailing = parseJsonText('{"a": 1,}');
    if (!trailing.ok) expect(trailing.problem).toMatch(/^Not valid JSON at line 1, column 9: /);
    expect(trailing.ok).toBe(false);
  });

  it("refuses an empty payload, and keeps long engine messages short", () => {
    expect(parseJsonText("  \n")).toEqual({ ok: false, problem: "The payload is empty; write a JSON value, e.g. {}" });
    const long = parseJsonText(`{"a": tru${" ".repeat(500)}}`);
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.problem.length).toBeLessThan(200);
  });
});
