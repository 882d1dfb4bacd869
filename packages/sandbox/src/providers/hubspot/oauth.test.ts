import { createHash, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { HUBSPOT_SANDBOX_CLIENT_ID, HUBSPOT_SANDBOX_CLIENT_SECRET } from "./fixtures";
import { type HubspotHarness, json, startHubspot } from "./test-support";

const REDIRECT_URI = "http://localhost:3000/oauth/hubspot/callback";
const SCOPES = "oauth crm.objects.contacts.read crm.objects.contacts.write";

interface TokenBody {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

describe("hubspot oauth", () => {
  const harnesses: HubspotHarness[] = [];
  const start = async (options?: Parameters<typeof startHubspot>[0]) => {
    const hub = await startHubspot(options);
    harnesses.push(hub);
    return hub;
  };
  afterEach(async () => {
    for (const hub of harnesses.splice(0)) await hub.close();
  });

  async function authorize(hub: HubspotHarness, params: Record<string, string> = {}) {
    const verifier = randomBytes(32).toString("base64url");
    const query = new URLSearchParams({
      client_id: HUBSPOT_SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: SCOPES,
      state: "st-123",
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
      ...params,
    });
    const response = await fetch(`${hub.base}/oauth/authorize?${query}`, { redirect: "manual" });
    return { response, verifier };
  }

  const token = (hub: HubspotHarness, fields: Record<string, string>) =>
    fetch(`${hub.base}/oauth/v1/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: HUBSPOT_SANDBOX_CLIENT_ID,
        client_secret: HUBSPOT_SANDBOX_CLIENT_SECRET,
        ...fields,
      }),
    });

  async function connect(hub: HubspotHarness): Promise<TokenBody> {
    const { response, verifier } = await authorize(hub);
    const code = new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const exchanged = await token(hub, {
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
      code,
      code_verifier: verifier,
    });
    expect(exchanged.status).toBe(200);
    return json<TokenBody>(exchanged);
  }

  const callWith = (hub: HubspotHarness, accessToken: string, path = "/crm/v3/objects/contacts") =>
    hub.api(path, { headers: { authorization: `Bearer ${accessToken}` } });

  it("auto-approves: redirects back with a code and the state; refuses an unknown client", async () => {
    const hub = await start();
    const { response } = await authorize(hub);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("st-123");
    expect(location.searchParams.get("code")).toBeTruthy();
    expect((await authorize(hub, { client_id: "nope" })).response.status).toBe(400);
  });

  it("exchanges a code once, checking the PKCE verifier, and the token works on the API", async () => {
    const hub = await start();
    const tokens = await connect(hub);
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 1800 });
    expect(tokens.access_token).not.toBe(tokens.refresh_token);
    const response = await callWith(hub, tokens.access_token);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-hubspot-ratelimit-daily")).toBeNull();

    const { response: again, verifier } = await authorize(hub);
    const code = new URL(again.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const wrongVerifier = await token(hub, {
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
      code,
      code_verifier: `${verifier}x`,
    });
    expect(wrongVerifier.status).toBe(400);
    expect(await json(wrongVerifier)).toMatchObject({ status: "BAD_AUTH_CODE", error: "invalid_grant" });
    const reused = await token(hub, {
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
      code,
      code_verifier: verifier,
    });
    expect(reused.status).toBe(400);
  });

  it("refuses a wrong secret, a different redirect_uri and an expired code", async () => {
    const hub = await start();
    const codeOf = async () => {
      const { response, verifier } = await authorize(hub);
      return { code: new URL(response.headers.get("location") ?? "").searchParams.get("code") ?? "", verifier };
    };
    const first = await codeOf();
    const badSecret = await token(hub, {
      grant_type: "authorization_code",
      client_secret: "x",
      redirect_uri: REDIRECT_URI,
      code: first.code,
    });
    expect(await json(badSecret)).toMatchObject({ status: "BAD_CLIENT_SECRET", error: "invalid_client" });
    const second = await codeOf();
    const otherRedirect = await token(hub, {
      grant_type: "authorization_code",
      redirect_uri: "http://localhost:3000/elsewhere",
      code: second.code,
      code_verifier: second.verifier,
    });
    expect(await json(otherRedirect)).toMatchObject({ status: "BAD_REDIRECT_URI" });
    const third = await codeOf();
    hub.sandbox.context.clock.advance(601_000);
    const expired = await token(hub, {
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
      code: third.code,
      code_verifier: third.verifier,
    });
    expect(await json(expired)).toMatchObject({ status: "BAD_AUTH_CODE", message: "auth code is expired" });
  });

  it("expires access tokens on the clock and refreshes them with a short expires_in", async () => {
    const hub = await start({ accessTokenTtlSeconds: 60 });
    const tokens = await connect(hub);
    expect(tokens.expires_in).toBe(60);
    hub.sandbox.context.clock.advance(61_000);
    const expired = await callWith(hub, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(await json(expired)).toMatchObject({ status: "error", category: "EXPIRED_AUTHENTICATION" });
    const refreshed = await token(hub, { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const body = await json<TokenBody>(refreshed);
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 60, refresh_token: tokens.refresh_token });
    expect(body.access_token).not.toBe(tokens.access_token);
    expect((await callWith(hub, body.access_token)).status).toBe(200);
  });

  it("answers invalid_grant once the refresh token is revoked by the scripted action", async () => {
    const hub = await start();
    const tokens = await connect(hub);
    const revoked = await hub.admin("revoke-refresh-token", { refreshToken: tokens.refresh_token });
    expect(await json(revoked)).toEqual({ revoked: 1 });
    const refused = await token(hub, { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refused.status).toBe(400);
    expect(await json(refused)).toMatchObject({ status: "BAD_REFRESH_TOKEN", error: "invalid_grant" });
    const other = await connect(hub);
    expect(await json(await hub.admin("revoke-refresh-token", {}))).toEqual({ revoked: 1 });
    expect((await token(hub, { grant_type: "refresh_token", refresh_token: other.refresh_token })).status).toBe(400);
  });

  it("rotates refresh tokens when configured to", async () => {
    const hub = await start({ rotateRefreshTokens: true });
    const tokens = await connect(hub);
    const body = await json<TokenBody>(
      await token(hub, { grant_type: "refresh_token", refresh_token: tokens.refresh_token }),
    );
    expect(body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await token(hub, { grant_type: "refresh_token", refresh_token: tokens.refresh_token })).status).toBe(400);
  });

  it("refuses calls outside the granted scopes with 403 MISSING_SCOPES", async () => {
    const hub = await start();
    const tokens = await connect(hub);
    const response = await callWith(hub, tokens.access_token, "/crm/v3/objects/deals");
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ status: "error", category: "MISSING_SCOPES" });
    const info = await json<{ scopes: string[]; hub_id: number }>(
      await fetch(`${hub.base}/oauth/v1/access-tokens/${tokens.access_token}`),
    );
    expect(info.scopes).toEqual(SCOPES.split(" "));
  });
});
