import {
  type ActionConnection,
  buildAuthorizationUrl,
  createPkcePair,
  exchangeAuthorizationCode,
  needsRefresh,
  type OAuth2Auth,
  type OAuth2Tokens,
  refreshAccessToken,
} from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import {
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_DEVELOPER_API_KEY,
} from "@handoff/sandbox/hubspot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hubspotAuth } from "./auth";
import { contactCreatedTrigger } from "./contact-created";
import { createDealAction } from "./create-deal";
import { findOrCreateContactAction } from "./find-or-create-contact";
import { resetSandbox, sandboxAdmin, sandboxRequests, sandboxState, startHubspotSandbox } from "./test-support";

const REDIRECT_URI = "http://localhost:3000/api/oauth/hubspot/callback";
const oauth2: OAuth2Auth | undefined = hubspotAuth.options.find((option) => option.kind === "oauth2");

/**
 * What the platform does for an OAuth connection, done here by hand against the sandbox: the
 * authorization-code flow with PKCE, then `authHeaders()` refreshing the token before it expires
 * (on the sandbox's clock, which tests move forward).
 */
async function connectWithOAuth(sandbox: SandboxServer, extra: Record<string, string> = {}): Promise<ActionConnection> {
  if (!oauth2) throw new Error("the HubSpot connector offers no OAuth2 option");
  const baseUrl = `${sandbox.url}/hubspot`;
  const clock = sandbox.context.clock;
  const pkce = createPkcePair();
  const consent = await fetch(
    buildAuthorizationUrl({
      auth: oauth2,
      clientId: HUBSPOT_SANDBOX_CLIENT_ID,
      redirectUri: REDIRECT_URI,
      state: "st-1",
      codeChallenge: pkce.challenge,
      baseUrl,
    }),
    { redirect: "manual" },
  );
  const code = new URL(consent.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const client = { auth: oauth2, clientId: HUBSPOT_SANDBOX_CLIENT_ID, clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET };
  let tokens: OAuth2Tokens = await exchangeAuthorizationCode({
    ...client,
    baseUrl,
    code,
    redirectUri: REDIRECT_URI,
    codeVerifier: pkce.verifier,
    now: () => clock.now(),
  });
  return {
    id: "oauth-connection",
    environment: "test",
    baseUrl,
    get credentials() {
      return { clientId: client.clientId, clientSecret: client.clientSecret, ...tokens, ...extra };
    },
    async authHeaders() {
      if (needsRefresh(tokens, clock.now())) {
        tokens = await refreshAccessToken({
          ...client,
          baseUrl,
          refreshToken: tokens.refreshToken,
          now: () => clock.now(),
        });
      }
      return { authorization: `Bearer ${tokens.accessToken}` };
    },
  };
}

describe("hubspot with an OAuth connection", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  it("runs contact and deal actions with the OAuth access token", async () => {
    const connection = await connectWithOAuth(sandbox);
    const contact = await runAction(findOrCreateContactAction, { props: { email: "oauth@example.com" }, connection });
    expect(contact.output.created).toBe(true);
    const deal = await runAction(createDealAction, {
      props: { dealname: "OAuth deal", dealstage: "qualifiedtobuy", contactId: contact.output.contactId },
      connection,
    });
    expect(deal.output.created).toBe(true);
    expect((await sandboxState(sandbox)).deals).toHaveLength(1);
  });

  it("keeps working after the 30-minute token lapses, with the refreshed token", async () => {
    const connection = await connectWithOAuth(sandbox);
    const before = connection.credentials.accessToken;
    sandbox.context.clock.advance(31 * 60_000);
    const { output } = await runAction(findOrCreateContactAction, {
      props: { email: "later@example.com" },
      connection,
    });
    expect(output.created).toBe(true);
    expect(connection.credentials.accessToken).not.toBe(before);
    const grants = (await sandboxRequests(sandbox)).filter((request) => request.path === "/oauth/v1/token");
    expect(grants.map((request) => new URLSearchParams(request.body).get("grant_type"))).toEqual([
      "authorization_code",
      "refresh_token",
    ]);
  });

  it("fails for good, asking to reconnect, once the refresh token is revoked", async () => {
    const connection = await connectWithOAuth(sandbox);
    await sandboxAdmin(sandbox, "revoke-refresh-token", { refreshToken: connection.credentials.refreshToken });
    sandbox.context.clock.advance(31 * 60_000);
    await expect(
      runAction(findOrCreateContactAction, { props: { email: "revoked@example.com" }, connection }),
    ).rejects.toMatchObject({ code: "reconnect_needed", kind: "final" });
  });

  it("subscribes a trigger, finding the app id from the access token and signing with the client secret", async () => {
    const connection = await connectWithOAuth(sandbox, { developerApiKey: HUBSPOT_SANDBOX_DEVELOPER_API_KEY });
    const subscription = await contactCreatedTrigger.subscribe?.({
      props: {},
      connection,
      hookUrl: "https://handoff.example.com/api/hooks/h_1",
      hookSecret: "unused-by-hubspot",
      appHookUrl: (appKey: string) => `https://handoff.example.com/api/hooks/apps/${appKey}`,
      signal: new AbortController().signal,
      log: () => {},
    });
    expect(subscription).toEqual({
      state: { appId: String(HUBSPOT_SANDBOX_APP_ID), subscriptionId: expect.any(String) },
      signingSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
      appKey: `hubspot-${HUBSPOT_SANDBOX_APP_ID}`,
    });
    expect((await sandboxState(sandbox)).webhookSettings?.targetUrl).toMatch(
      /^https:\/\/handoff.example.com\/api\/hooks\/apps\/hubspot-\d+$/,
    );
  });
});
