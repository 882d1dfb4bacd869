import { describe, expect, it } from "vitest";
import { ConnectorError, defaultKindFor } from "./connector-error";

describe("ConnectorError", () => {
  it("takes its kind from the code unless told otherwise", () => {
    expect(new ConnectorError({ code: "rate_limited", message: "slow down" }).kind).toBe("retriable");
    expect(new ConnectorError({ code: "validation", message: "bad email" }).kind).toBe("final");
    expect(new ConnectorError({ code: "network", kind: "final", message: "bad certificate" }).kind).toBe("final");
    expect(defaultKindFor("server_error")).toBe("retriable");
    expect(defaultKindFor("auth")).toBe("final");
  });

  it("serialises only the fields that are set, and keeps the cause", () => {
    const cause = new Error("socket hang up");
    const error = new ConnectorError({ code: "network", message: "connection lost", cause });
    expect(error.cause).toBe(cause);
    expect(error.retriable).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ConnectorError",
      kind: "retriable",
      code: "network",
      message: "connection lost",
    });
  });
});
