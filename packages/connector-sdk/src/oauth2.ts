import { createHash, randomBytes } from "node:crypto";
import type { OAuth2Auth } from "./auth";
import { ConnectorError } from "./errors/connector-error";
import { toConnectorError } from "./errors/normalize";
import { extractProviderMessage } from "./errors/provider-message";
import { isJsonObject, type JsonValue } from "./json";

/** What an OAuth2 connection stores (encrypted) in its credentials. */
export interface OAuth2Credentials {
  clientId: string;
  clientSecret: string;
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token stops working. */
  expiresAt: string;
}

export interface OAuth2Tokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/**
 * A connection may point somewhere other than the provider's cloud (the sandbox, a self-hosted
 * install): the OAuth endpoints keep their paths under that base URL.
 */
export function oauthEndpoint(absoluteUrl: string, baseUrl?: string): string {
  if (!baseUrl) return absoluteUrl;
  const { pathname } = new URL(absoluteUrl);
  return `${baseUrl.replace(/\/+$/, "")}${pathname}`;
}

export interface AuthorizationUrlOptions {
  auth: OAuth2Auth;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  baseUrl?: string;
}

export function buildAuthorizationUrl(options: AuthorizationUrlOptions): string {
  const url = new URL(oauthEndpoint(options.auth.authorizationUrl, options.baseUrl));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("redirect_uri", options.redirectUri);
  url.searchParams.set("scope", options.auth.scopes.join(" "));
  url.searchParams.set("state", options.state);
  url.searchParams.set("code_challenge", options.codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.toString();
}

interface TokenRequestOptions {
  auth: OAuth2Auth;
  clientId: string;
  clientSecret: string;
  baseUrl?: string;
  now?: () => Date;
  fetch?: typeof fetch;
}

export async function exchangeAuthorizationCode(
  options: TokenRequestOptions & { code: string; redirectUri: string; codeVerifier: string },
): Promise<OAuth2Tokens> {
  return tokenRequest(options, {
    grant_type: "authorization_code",
    code: options.code,
    redirect_uri: options.redirectUri,
    code_verifier: options.codeVerifier,
  });
}

/**
 * A refused refresh (`invalid_grant`: revoked, expired or already rotated) cannot be retried
 * into success: it is a final `reconnect_needed` error, and the connection is marked so.
 */
export async function refreshAccessToken(
  options: TokenRequestOptions & { refreshToken: string },
): Promise<OAuth2Tokens> {
  const tokens = await tokenRequest(options, { grant_type: "refresh_token", refresh_token: options.refreshToken });
  // Providers that do not rotate refresh tokens leave it out of the answer.
  return { ...tokens, refreshToken: tokens.refreshToken || options.refreshToken };
}

export function needsRefresh(credentials: Pick<OAuth2Credentials, "expiresAt">, now: Date): boolean {
  const expiresAt = Date.parse(credentials.expiresAt);
  return Number.isNaN(expiresAt) || expiresAt - now.getTime() <= REFRESH_MARGIN_MS;
}

async function tokenRequest(options: TokenRequestOptions, grant: Record<string, string>): Promise<OAuth2Tokens> {
  const url = oauthEndpoint(options.auth.tokenUrl, options.baseUrl);
  const target = `POST ${new URL(url).host}${new URL(url).pathname}`;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ ...grant, client_id: options.clientId, client_secret: options.clientSecret }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const normalized = toConnectorError(error);
    throw new ConnectorError({
      code: normalized.code,
      kind: normalized.kind,
      message: `${target} failed: ${normalized.message}`,
    });
  }
  const text = await response.text();
  let body: JsonValue = text;
  try {
    body = JSON.parse(text) as JsonValue;
  } catch {
    // Some token endpoints answer errors in plain text; the message is kept as it is.
  }
  const providerMessage = extractProviderMessage(body);
  if (!response.ok) {
    const grantRefused = isJsonObject(body) && body.error === "invalid_grant";
    if (grantRefused || response.status === 400 || response.status === 401) {
      throw new ConnectorError({
        code: "reconnect_needed",
        status: response.status,
        message: `the provider refused the authorization (${grantRefused ? "invalid_grant" : `HTTP ${response.status}`}); reconnect the account`,
        ...(providerMessage === undefined ? {} : { providerMessage }),
      });
    }
    throw new ConnectorError({
      code: response.status >= 500 ? "server_error" : "client_error",
      status: response.status,
      message: `${target} answered HTTP ${response.status}`,
      ...(providerMessage === undefined ? {} : { providerMessage }),
    });
  }
  if (!isJsonObject(body) || typeof body.access_token !== "string") {
    throw new ConnectorError({ code: "unknown", message: `${target} answered without an access_token` });
  }
  const expiresIn = typeof body.expires_in === "number" ? body.expires_in : Number(body.expires_in ?? 3600);
  const now = options.now?.() ?? new Date();
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : "",
    expiresAt: new Date(now.getTime() + expiresIn * 1000).toISOString(),
  };
}
