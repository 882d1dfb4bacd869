import { describe, expect, it } from "vitest";
import { connectionProviders } from "./connection-providers";

describe("connectionProviders", () => {
  const providers = connectionProviders();
  const byKey = (key: string) => providers.find((provider) => provider.key === key);

  it("lists every connector that needs a connection, and not the core steps", () => {
    expect(providers.map((provider) => provider.key).sort()).toEqual(["calcom", "email", "hubspot", "stripe"]);
    expect(byKey("stripe")).toMatchObject({ name: "Stripe", category: "invoicing" });
  });

  it("gives each way of connecting its fields, secrets marked, with the connector's help", () => {
    expect(byKey("stripe")?.methods).toEqual([
      {
        kind: "bearer",
        description: expect.stringContaining("sk_test_"),
        fields: [{ key: "token", label: "Token", secret: true, required: true, help: null }],
      },
    ]);
    expect(byKey("email")?.methods[0]?.fields).toEqual([
      { key: "username", label: "Username", secret: false, required: true, help: null },
      { key: "password", label: "Password", secret: true, required: true, help: null },
    ]);
    const hubspot = byKey("hubspot")?.methods ?? [];
    expect(hubspot.map((method) => method.kind)).toEqual(["bearer", "oauth2"]);
    expect(hubspot[1]?.fields.filter((field) => field.secret).map((field) => field.key)).toEqual([
      "clientSecret",
      "accessToken",
      "refreshToken",
    ]);
  });
});
