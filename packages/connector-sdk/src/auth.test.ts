import { describe, expect, it } from "vitest";
import { authHeaders, credentialsSchemaFor } from "./auth";
import { ConnectorError } from "./errors/connector-error";

describe("authHeaders", () => {
  it("builds the header for each auth kind", () => {
    expect(authHeaders({ kind: "none" }, null)).toEqual({});
    expect(authHeaders({ kind: "api_key", header: "X-API-TOKEN" }, { apiKey: "k1" })).toEqual({ "X-API-TOKEN": "k1" });
    expect(authHeaders({ kind: "api_key", header: "Authorization", prefix: "Token " }, { apiKey: "k1" })).toEqual({
      Authorization: "Token k1",
    });
    expect(authHeaders({ kind: "bearer" }, { token: "t1" })).toEqual({ authorization: "Bearer t1" });
    expect(authHeaders({ kind: "basic" }, { username: "ann", password: "pa:ss" })).toEqual({
      authorization: `Basic ${Buffer.from("ann:pa:ss").toString("base64")}`,
    });
  });

  it("fails as a final auth error when the connection lacks a credential", () => {
    let thrown: unknown;
    try {
      authHeaders({ kind: "bearer" }, { apiKey: "wrong field" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    expect(thrown).toMatchObject({
      code: "auth",
      kind: "final",
      message: "the connection has no token; reconnect the account",
    });
  });
});

describe("credentialsSchemaFor", () => {
  it("describes the connection form for each kind", () => {
    expect(credentialsSchemaFor({ kind: "none" })).toBeUndefined();
    const apiKey = credentialsSchemaFor({ kind: "api_key", header: "X-API-TOKEN" });
    expect(apiKey?.safeParse({ apiKey: "  " }).error?.issues[0]?.message).toBe("API key is required");
    expect(apiKey?.parse({ apiKey: " k1 " })).toEqual({ apiKey: "k1" });
    expect(credentialsSchemaFor({ kind: "basic" })?.parse({ username: "ann", password: "" })).toEqual({
      username: "ann",
      password: "",
    });
  });
});
