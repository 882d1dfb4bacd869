import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, lineAndColumn } from "./json-syntax";
import { MAX_PAYLOAD_CHARS, parsePayload } from "./parse-payload";

describe("parsePayload", () => {
  it("reads a JSON object", () => {
    expect(parsePayload('{\n  "email": "ana@example.com",\n  "n": [1, -2.5e3, true, null]\n}')).toEqual({
      ok: true,
      payload: { email: "ana@example.com", n: [1, -2500, true, null] },
    });
  });

  it.each<[string, string, string]>([
    ["trailing comma", '{\n  "a": 1,\n}', "Line 3, column 1: remove the trailing comma before }"],
    [
      "missing comma",
      '{\n  "a": 1\n  "b": 2\n}',
      'Line 3, column 3: expected "," or "}" after a property value, found "\\""',
    ],
    ["unquoted key", "{ email: 1 }", 'Line 1, column 3: expected a key in double quotes, found "e"'],
    ["single quotes", "{'a': 1}", 'Line 1, column 2: keys use double quotes ("), not single quotes'],
    ["unclosed text", '{"a": "hello}', 'Line 1, column 7: this text is never closed: add the closing "'],
    [
      "unclosed object",
      '{"a": 1',
      'Line 1, column 8: expected "," or "}" after a property value, found the end of the text',
    ],
    ["Python literal", '{"ok": True}', "Line 1, column 8: found True: write true in lower case"],
    ["comment", '{\r\n  // note\r\n  "a": 1}', "Line 2, column 3: JSON does not allow comments; remove it"],
    [
      "leading zero",
      '{"n": 012}',
      "Line 1, column 7: 012 is not a valid JSON number (no leading zeros, no trailing dot)",
    ],
    ["bad escape", '{"p": "C:\\temp\\x"}', 'Line 1, column 15: "\\x" is not a JSON escape; write \\\\ for a backslash'],
    [
      "raw line break in text",
      '{"a": "one\ntwo"}',
      "Line 1, column 11: a line break inside text must be written as \\n",
    ],
    [
      "two values",
      '{"a": 1} {"b": 2}',
      'Line 1, column 10: unexpected "{" after the end of the JSON value; remove it or wrap everything in { }',
    ],
  ])("says where the %s is", (_case, text, message) => {
    expect(parsePayload(text)).toMatchObject({ ok: false, message });
  });

  it("gives the line and column as numbers too", () => {
    expect(parsePayload('{\n  "a": 1,\n}')).toMatchObject({ ok: false, line: 3, column: 1 });
  });

  it.each<[string, string]>([
    ["[1, 2]", "The payload must be a JSON object ({ … }), not a list ([ … ])"],
    ['"text"', "The payload must be a JSON object ({ … }), not text"],
    ["42", "The payload must be a JSON object ({ … }), not a number"],
    ["null", "The payload must be a JSON object ({ … }), not null"],
  ])("refuses %s, which is not an object", (text, message) => {
    expect(parsePayload(text)).toEqual({ ok: false, message });
  });

  it("asks for a payload when the box is empty, and refuses an oversized one", () => {
    expect(parsePayload("  \n")).toMatchObject({ ok: false, message: expect.stringContaining("Paste the event") });
    const huge = `{"a": "${"x".repeat(MAX_PAYLOAD_CHARS)}"}`;
    expect(parsePayload(huge)).toMatchObject({ ok: false, message: expect.stringContaining("at most") });
  });
});

describe("findJsonSyntaxError", () => {
  it("agrees with JSON.parse on what is valid", () => {
    const samples = [
      '{"a":{"b":[1,2,{"c":"\\u00e9\\n"}]}}',
      "[]",
      "{}",
      "0",
      "-0.5E+2",
      '"\\/"',
      "[1,]",
      "[01]",
      "1.",
      ".5",
      "-",
      '{"a" 1}',
      "[1 2]",
      "\t\n true \r\n",
      "nul",
      '"\\u12G4"',
    ];
    for (const sample of samples) {
      let valid = true;
      try {
        JSON.parse(sample);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(sample) === null, sample).toBe(valid);
    }
  });

  it("refuses values nested absurdly deep instead of overflowing the stack", () => {
    expect(findJsonSyntaxError(`${"[".repeat(5000)}${"]".repeat(5000)}`)?.message).toContain("nested more than");
  });
});

describe("lineAndColumn", () => {
  it("counts \\n, \\r\\n and \\r line breaks", () => {
    expect(lineAndColumn("ab\ncd\r\nef\rgh", 11)).toEqual({ line: 4, column: 2 });
    expect(lineAndColumn("abc", 0)).toEqual({ line: 1, column: 1 });
  });
});
