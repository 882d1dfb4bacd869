import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { ConnectorError } from "./connector-error";
import { isRetriable, toConnectorError } from "./normalize";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("toConnectorError", () => {
  it("reads a real refused fetch as a retriable network error", async () => {
    const port = await closedPort();
    const thrown = await fetch(`http://127.0.0.1:${port}/`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(TypeError);
    const error = toConnectorError(thrown);
    expect(error.code).toBe("network");
    expect(error.kind).toBe("retriable");
    expect(error.message).toContain("ECONNREFUSED");
    expect(isRetriable(thrown)).toBe(true);
  });

  it("reads abort reasons", () => {
    expect(toConnectorError(new DOMException("The operation timed out.", "TimeoutError")).code).toBe("timeout");
    expect(toConnectorError(new DOMException("This operation was aborted", "AbortError"))).toMatchObject({
      code: "aborted",
      kind: "retriable",
    });
  });

  it("treats socket timeouts as timeouts and bad certificates as final", () => {
    const timeout = Object.assign(new Error("connect ETIMEDOUT"), { code: "ETIMEDOUT" });
    expect(toConnectorError(timeout)).toMatchObject({ code: "timeout", kind: "retriable" });
    const tls = new TypeError("fetch failed", {
      cause: Object.assign(new Error("certificate has expired"), { code: "CERT_HAS_EXPIRED" }),
    });
    expect(toConnectorError(tls)).toMatchObject({ code: "network", kind: "final" });
    expect(isRetriable(tls)).toBe(false);
  });

  it("keeps a ConnectorError as it is", () => {
    const original = new ConnectorError({ code: "conflict", message: "duplicate" });
    expect(toConnectorError(original)).toBe(original);
  });

  it("makes bugs and odd throws final", () => {
    expect(toConnectorError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toMatchObject({
      code: "unknown",
      kind: "final",
    });
    expect(toConnectorError("just a string")).toMatchObject({ code: "unknown", message: "just a string" });
    expect(isRetriable(new Error("boom"))).toBe(false);
  });
});
