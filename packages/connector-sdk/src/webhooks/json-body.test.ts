import { describe, expect, it } from "vitest";
import { parseJsonBody, parseJsonObjectBody } from "./json-body";

const raw = (text: string) => Buffer.from(text, "utf8");

describe("parseJsonBody", () => {
  it("parses any JSON value and drops a byte-order mark", () => {
    expect(parseJsonBody(raw('{"a":[1,true,null]}'))).toEqual({ ok: true, value: { a: [1, true, null] } });
    expect(parseJsonBody(raw("\uFEFF[1]"))).toEqual({ ok: true, value: [1] });
  });

  it("says which token is wrong and where", () => {
    expect(parseJsonBody(raw("not json"))).toEqual({
      ok: false,
      error: 'body is not valid JSON: Unexpected token "not" at position 0 (expected a value)',
    });
    expect(parseJsonBody(raw('{"a": tru}'))).toEqual({
      ok: false,
      error: 'body is not valid JSON: Unexpected token "tru" at position 6 (expected a value)',
    });
    expect(parseJsonBody(raw('{"a":1,}'))).toEqual({
      ok: false,
      error: 'body is not valid JSON: Unexpected token "}" at position 7 (expected a double-quoted property name)',
    });
    expect(parseJsonBody(raw('{\n  "a": 1\n  "b": 2}'))).toEqual({
      ok: false,
      error: `body is not valid JSON: Unexpected token "\\"b\\"" at position 13 (expected ',' or a closing bracket)`,
    });
  });

  it("reports a truncated body as an unexpected end", () => {
    expect(parseJsonBody(raw('{"a":'))).toEqual({
      ok: false,
      error: "body is not valid JSON: Unexpected end of JSON input at position 5 (expected a value)",
    });
  });

  it("refuses comments, which JSON.parse refuses too", () => {
    const result = parseJsonBody(raw('{/* note */ "a": 1}'));
    expect(result).toEqual({
      ok: false,
      error: 'body is not valid JSON: Unexpected token "/* note */" at position 1 (comments are not allowed in JSON)',
    });
  });

  it("refuses empty bodies and invalid UTF-8", () => {
    expect(parseJsonBody(raw("  "))).toEqual({ ok: false, error: "body is empty; expected JSON" });
    expect(parseJsonBody(Buffer.from([0x7b, 0xff, 0x7d]))).toEqual({ ok: false, error: "body is not valid UTF-8" });
  });
});

describe("parseJsonObjectBody", () => {
  it("accepts an object and names what else it got", () => {
    expect(parseJsonObjectBody(raw('{"id":"1"}'))).toEqual({ ok: true, value: { id: "1" } });
    expect(parseJsonObjectBody(raw("[1,2]"))).toEqual({
      ok: false,
      error: "body is a JSON array; expected a JSON object",
    });
    expect(parseJsonObjectBody(raw("null"))).toEqual({ ok: false, error: "body is JSON null; expected a JSON object" });
    expect(parseJsonObjectBody(raw('"hi"'))).toEqual({
      ok: false,
      error: "body is a JSON string; expected a JSON object",
    });
  });
});
