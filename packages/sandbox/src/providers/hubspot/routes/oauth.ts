import { createHash, randomUUID } from "node:crypto";
import type { SandboxRequest, SandboxResponse } from "../../../types";
import type { RefreshToken } from "../auth";
import type { HubspotRuntime } from "../context";
import { HubspotApiError, objectNotFound, validationError } from "../errors";
import {
  HUBSPOT_SANDBOX_APP_ID,
  HUBSPOT_SANDBOX_CLIENT_ID,
  HUBSPOT_SANDBOX_CLIENT_SECRET,
  HUBSPOT_SANDBOX_HUB_DOMAIN,
  HUBSPOT_SANDBOX_PORTAL_ID,
  HUBSPOT_SANDBOX_USER_EMAIL,
  HUBSPOT_SANDBOX_USER_ID,
} from "../fixtures";
import { type Route, route } from "../router";

export interface OAuthCall {
  request: SandboxRequest;
  runtime: HubspotRuntime;
}

/** The token endpoint's own error shape: `status` is a code such as `BAD_REFRESH_TOKEN`, plus RFC 6749 fields. */
class OAuthFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly error: "invalid_client" | "invalid_grant" | "invalid_request" | "unsupported_grant_type",
  ) {
    super(message);
  }

  toResponse(): SandboxResponse {
    const correlationId = randomUUID();
    return {
      status: 400,
      headers: { "X-HubSpot-Correlation-Id": correlationId },
      body: {
        status: this.code,
        message: this.message,
        error: this.error,
        error_description: this.message,
        correlationId,
        requestId: randomUUID(),
      },
    };
  }
}

/** The sandbox skips the consent screen: the portal owner approves every request at once. */
function authorize({ request, runtime }: OAuthCall): SandboxResponse {
  const query = request.query;
  if (query.get("client_id") !== HUBSPOT_SANDBOX_CLIENT_ID)
    throw validationError(`Unknown client_id: ${query.get("client_id") ?? "(missing)"}`);
  const redirectUri = query.get("redirect_uri") ?? "";
  if (!isAllowedRedirect(redirectUri, runtime.options.redirectUris))
    throw validationError(`redirect_uri ${redirectUri || "(missing)"} is not registered for this app`);
  const scopes = [query.get("scope"), query.get("optional_scope")].flatMap((value) => splitScopes(value));
  if (scopes.length === 0) throw validationError("scope is required");
  const codeChallenge = query.get("code_challenge") ?? undefined;
  if (codeChallenge && query.get("code_challenge_method") !== "S256")
    throw validationError("code_challenge_method must be S256");
  const code = runtime.oauth.issueCode({
    clientId: HUBSPOT_SANDBOX_CLIENT_ID,
    redirectUri,
    scopes: [...new Set(scopes)],
    codeChallenge,
    expiresAtMs: runtime.clock.nowMs() + runtime.options.authorizationCodeTtlSeconds * 1000,
  });
  const location = new URL(redirectUri);
  location.searchParams.set("code", code);
  const state = query.get("state");
  if (state !== null) location.searchParams.set("state", state);
  return { status: 302, headers: { Location: location.toString() } };
}

function token(call: OAuthCall, version: "v1" | "v3"): SandboxResponse {
  try {
    const form = new URLSearchParams(call.request.rawBody.toString("utf8"));
    if (form.get("client_id") !== HUBSPOT_SANDBOX_CLIENT_ID)
      throw new OAuthFailure("BAD_CLIENT_ID", "missing or unknown client id", "invalid_client");
    if (form.get("client_secret") !== HUBSPOT_SANDBOX_CLIENT_SECRET)
      throw new OAuthFailure("BAD_CLIENT_SECRET", "missing or invalid client secret", "invalid_client");
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") return tokenResponse(call, redeemCode(call, form), version);
    if (grantType === "refresh_token") return tokenResponse(call, useRefreshToken(call, form), version);
    throw new OAuthFailure("BAD_GRANT_TYPE", "missing or unknown grant type", "unsupported_grant_type");
  } catch (error) {
    if (error instanceof OAuthFailure) return error.toResponse();
    throw error;
  }
}

function redeemCode({ runtime }: OAuthCall, form: URLSearchParams): RefreshToken {
  const code = runtime.oauth.takeCode(form.get("code") ?? "");
  if (!code) throw new OAuthFailure("BAD_AUTH_CODE", "missing or unknown auth code", "invalid_grant");
  if (code.expiresAtMs <= runtime.clock.nowMs())
    throw new OAuthFailure("BAD_AUTH_CODE", "auth code is expired", "invalid_grant");
  if (form.get("redirect_uri") !== code.redirectUri)
    throw new OAuthFailure("BAD_REDIRECT_URI", "redirect_uri does not match initial redirect_uri", "invalid_grant");
  if (code.codeChallenge) {
    const verifier = form.get("code_verifier") ?? "";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    if (challenge !== code.codeChallenge)
      throw new OAuthFailure("BAD_AUTH_CODE", "code_verifier does not match the code_challenge", "invalid_grant");
  }
  return runtime.oauth.issueRefreshToken(code.clientId, code.scopes);
}

function useRefreshToken({ runtime }: OAuthCall, form: URLSearchParams): RefreshToken {
  const refresh = runtime.oauth.refreshTokens.get(form.get("refresh_token") ?? "");
  if (!refresh || refresh.revoked)
    throw new OAuthFailure("BAD_REFRESH_TOKEN", "missing or unknown refresh token", "invalid_grant");
  if (!runtime.options.rotateRefreshTokens) return refresh;
  runtime.oauth.revoke(refresh.token);
  return runtime.oauth.issueRefreshToken(refresh.clientId, refresh.scopes);
}

function tokenResponse({ runtime }: OAuthCall, refresh: RefreshToken, version: "v1" | "v3"): SandboxResponse {
  const ttl = runtime.options.accessTokenTtlSeconds;
  const access = runtime.oauth.issueAccessToken(refresh, runtime.clock.nowMs(), ttl);
  const body = {
    token_type: "bearer",
    refresh_token: refresh.token,
    access_token: access.token,
    expires_in: ttl,
    ...(version === "v3"
      ? {
          token_use: "access_token",
          hub_id: HUBSPOT_SANDBOX_PORTAL_ID,
          user_id: HUBSPOT_SANDBOX_USER_ID,
          scopes: refresh.scopes,
        }
      : {}),
  };
  return { status: 200, body };
}

function accessTokenInfo({ runtime }: OAuthCall, value: string): SandboxResponse {
  const access = runtime.oauth.accessTokens.get(value);
  const remainingMs = access ? access.expiresAtMs - runtime.clock.nowMs() : 0;
  if (!access || remainingMs <= 0) throw objectNotFound("The access token is unknown or expired");
  return {
    status: 200,
    body: {
      token: access.token,
      user: HUBSPOT_SANDBOX_USER_EMAIL,
      hub_domain: HUBSPOT_SANDBOX_HUB_DOMAIN,
      scopes: access.scopes,
      hub_id: HUBSPOT_SANDBOX_PORTAL_ID,
      app_id: HUBSPOT_SANDBOX_APP_ID,
      expires_in: Math.floor(remainingMs / 1000),
      user_id: HUBSPOT_SANDBOX_USER_ID,
      token_type: "access",
    },
  };
}

function liveRefreshToken({ runtime }: OAuthCall, value: string): RefreshToken {
  const refresh = runtime.oauth.refreshTokens.get(value);
  if (!refresh || refresh.revoked) throw new HubspotApiError(404, "OBJECT_NOT_FOUND", "refresh token not found");
  return refresh;
}

function isAllowedRedirect(uri: string, registered: readonly string[] | undefined): boolean {
  if (registered) return registered.includes(uri);
  try {
    return ["http:", "https:"].includes(new URL(uri).protocol);
  } catch {
    return false;
  }
}

function splitScopes(value: string | null): string[] {
  return (value ?? "").split(/[\s+]+/).filter(Boolean);
}

export const oauthRoutes: Route<OAuthCall>[] = [
  route("GET", "/oauth/authorize", authorize),
  route("POST", "/oauth/v1/token", (call) => token(call, "v1")),
  route("POST", "/oauth/v3/token", (call) => token(call, "v3")),
  route("GET", "/oauth/v1/access-tokens/:token", (call, params) => accessTokenInfo(call, params.token ?? "")),
  route("GET", "/oauth/v1/refresh-tokens/:token", (call, params) => {
    const refresh = liveRefreshToken(call, params.token ?? "");
    return {
      status: 200,
      body: {
        token: refresh.token,
        user: HUBSPOT_SANDBOX_USER_EMAIL,
        hub_domain: HUBSPOT_SANDBOX_HUB_DOMAIN,
        scopes: refresh.scopes,
        hub_id: HUBSPOT_SANDBOX_PORTAL_ID,
        client_id: refresh.clientId,
        user_id: HUBSPOT_SANDBOX_USER_ID,
        token_type: "refresh",
      },
    };
  }),
  route("DELETE", "/oauth/v1/refresh-tokens/:token", (call, params) => {
    call.runtime.oauth.revoke(liveRefreshToken(call, params.token ?? "").token);
    return { status: 204 };
  }),
];
