import { createSecretBox } from "@handoff/auth";
import { ConnectorError } from "@handoff/connector-sdk";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import {
  createHubspotSandbox,
  HUBSPOT_SANDBOX_CLIENT_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
} from "@handoff/sandbox/hubspot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { completeOAuthConnection, startOAuthConnection } from "./oauth-connection";
import { resolveConnection } from "./resolve-connection";

const secretBox = createSecretBox(Buffer.alloc(32, 3).toString("base64"));
const redirectUri = "http://127.0.0.1:3000/api/oauth/callback";

describe("OAuth2 connections (authorization code + PKCE) against the HubSpot emulator", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({ port: 0, providers: [createHubspotSandbox({ accessTokenTtlSeconds: 1800 })] });
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
  });
  afterAll(async () => {
    await sandbox.close();
    await database.destroy();
  });

  /** What the browser does: follow the consent URL; the emulator approves and redirects back. */
  async function authorize(authorizationUrl: string) {
    const response = await fetch(authorizationUrl, { redirect: "manual" });
    expect(response.status).toBe(302);
    const back = new URL(response.headers.get("location") ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    return { code: back.searchParams.get("code") ?? "", state: back.searchParams.get("state") ?? "" };
  }

  async function connect() {
    const { authorizationUrl } = startOAuthConnection({
      secretBox,
      workspaceId,
      actorUserId: null,
      provider: "hubspot",
      name: "HubSpot (OAuth)",
      environment: "test",
      clientId: HUBSPOT_SANDBOX_CLIENT_ID,
      clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
      redirectUri,
      baseUrl: `${sandbox.url}/hubspot`,
    });
    const url = new URL(authorizationUrl);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("scope")).toContain("crm.objects.contacts.write");
    const { code, state } = await authorize(authorizationUrl);
    return completeOAuthConnection({ db: database.db, secretBox, state, code });
  }

  const contacts = async (headers: Record<string, string>) =>
    fetch(`${sandbox.url}/hubspot/crm/v3/objects/contacts`, { headers });

  it("stores tokens sealed after the callback, and they work against the API", async () => {
    const { id } = await connect();
    const { rows } = await database.pool.query(
      "select credentials_encrypted, credentials_hint from connections where id = $1",
      [id],
    );
    expect(rows[0].credentials_encrypted).not.toContain(HUBSPOT_SANDBOX_CLIENT_SECRET);
    const connection = await resolveConnection({ db: database.db, secretBox, workspaceId, connectionId: id });
    expect((await contacts(await connection.authHeaders())).status).toBe(200);
  });

  it("refreshes a token about to expire and keeps the new one", async () => {
    const { id } = await connect();
    const first = await resolveConnection({ db: database.db, secretBox, workspaceId, connectionId: id });
    const before = first.credentials.accessToken;
    sandbox.context.clock.advance(29 * 60_000);
    const later = new Date(Date.now() + 29 * 60_000);
    const connection = await resolveConnection({
      db: database.db,
      secretBox,
      workspaceId,
      connectionId: id,
      now: () => later,
    });
    const headers = await connection.authHeaders();
    expect(headers.authorization).not.toBe(`Bearer ${before}`);
    expect((await contacts(headers)).status).toBe(200);
    const reread = await resolveConnection({
      db: database.db,
      secretBox,
      workspaceId,
      connectionId: id,
      now: () => later,
    });
    expect(reread.credentials.accessToken).toBe(connection.credentials.accessToken);
    sandbox.context.clock.reset();
  });

  it("marks the connection reconnect_needed when the refresh is refused (invalid_grant)", async () => {
    const { id } = await connect();
    const revoked = await fetch(`${sandbox.url}/_sandbox/hubspot/revoke-refresh-token`, { method: "POST", body: "{}" });
    expect(revoked.status).toBe(200);
    const later = new Date(Date.now() + 60 * 60_000);
    const connection = await resolveConnection({
      db: database.db,
      secretBox,
      workspaceId,
      connectionId: id,
      now: () => later,
    });
    const error = await connection.authHeaders().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe("reconnect_needed");
    expect((error as ConnectorError).retriable).toBe(false);
    const { rows } = await database.pool.query("select status from connections where id = $1", [id]);
    expect(rows[0].status).toBe("reconnect_needed");
    await expect(resolveConnection({ db: database.db, secretBox, workspaceId, connectionId: id })).rejects.toThrow(
      /needs to be reconnected/,
    );
  });

  it("refuses a forged or expired state", async () => {
    await expect(completeOAuthConnection({ db: database.db, secretBox, state: "forged", code: "x" })).rejects.toThrow(
      /not one Handoff started/,
    );
    const { authorizationUrl } = startOAuthConnection({
      secretBox,
      workspaceId,
      actorUserId: null,
      provider: "hubspot",
      name: "late",
      environment: "test",
      clientId: HUBSPOT_SANDBOX_CLIENT_ID,
      clientSecret: HUBSPOT_SANDBOX_CLIENT_SECRET,
      redirectUri,
      baseUrl: `${sandbox.url}/hubspot`,
      now: new Date(Date.now() - 60 * 60_000),
    });
    const { code, state } = await authorize(authorizationUrl);
    await expect(completeOAuthConnection({ db: database.db, secretBox, state, code })).rejects.toThrow(/expired/);
  });
});
