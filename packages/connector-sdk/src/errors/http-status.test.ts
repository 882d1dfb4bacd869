import { describe, expect, it } from "vitest";
import { ConnectorError } from "./connector-error";
import { classifyHttpStatus, httpStatusError } from "./http-status";

const now = Date.parse("2025-06-02T10:00:00Z");

describe("classifyHttpStatus", () => {
  it("makes 429 retriable and honours Retry-After in seconds", () => {
    expect(classifyHttpStatus(429, { "Retry-After": "2" }, now)).toEqual({
      kind: "retriable",
      code: "rate_limited",
      status: 429,
      retryAfterMs: 2000,
    });
  });

  it("honours Retry-After as an HTTP-date, from a fetch Headers object too", () => {
    const headers = new Headers({ "retry-after": "Mon, 02 Jun 2025 10:01:00 GMT" });
    expect(classifyHttpStatus(503, headers, now)).toEqual({
      kind: "retriable",
      code: "server_error",
      status: 503,
      retryAfterMs: 60_000,
    });
  });

  it("makes every 5xx retriable without a Retry-After", () => {
    for (const status of [500, 502, 504, 599]) {
      expect(classifyHttpStatus(status, {}, now)).toEqual({ kind: "retriable", code: "server_error", status });
    }
  });

  it("treats 408 as the server's own timeout, retriable", () => {
    expect(classifyHttpStatus(408, {}, now)).toEqual({ kind: "retriable", code: "timeout", status: 408 });
  });

  it.each([
    [400, "validation"],
    [401, "auth"],
    [403, "auth"],
    [404, "not_found"],
    [409, "conflict"],
    [410, "not_found"],
    [413, "too_large"],
    [422, "validation"],
    [402, "client_error"],
    [418, "client_error"],
  ] as const)("makes %i final with code %s", (status, code) => {
    expect(classifyHttpStatus(status, { "retry-after": "5" }, now)).toEqual({ kind: "final", code, status });
  });

  it("does not call a 3xx retriable", () => {
    expect(classifyHttpStatus(304, {}, now)).toEqual({ kind: "final", code: "unknown", status: 304 });
  });
});

describe("httpStatusError", () => {
  it("builds a ConnectorError carrying the provider message", () => {
    const error = httpStatusError({
      status: 400,
      statusText: "Bad Request",
      target: "POST api.example.com/contacts",
      providerMessage: "email is invalid",
    });
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.message).toBe("HTTP 400 Bad Request from POST api.example.com/contacts: email is invalid");
    expect(error.toJSON()).toEqual({
      name: "ConnectorError",
      kind: "final",
      code: "validation",
      status: 400,
      message: "HTTP 400 Bad Request from POST api.example.com/contacts: email is invalid",
      providerMessage: "email is invalid",
    });
  });
});
