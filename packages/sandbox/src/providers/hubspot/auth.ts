import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { expiredAuthentication, invalidAuthentication, missingScopes } from "./errors";
import { HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN } from "./fixtures";
import type { RateLimitSubject } from "./rate-limit";

/** Who is calling, once the bearer token checked out. */
export interface AuthGrant {
  kind: "private-app" | "oauth";
  /** Private apps hold every scope they were created with; the sandbox's holds all. */
  scopes: ReadonlySet<string> | "all";
  rateLimit: RateLimitSubject;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  expiresAtMs: number;
}

export interface AccessToken {
  token: string;
  clientId: string;
  refreshToken: string;
  scopes: string[];
  issuedAtMs: number;
  expiresAtMs: number;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  scopes: string[];
  revoked: boolean;
}

/** Authorization codes and OAuth tokens issued by the emulator. */
export class OAuthStore {
  readonly codes = new Map<string, AuthorizationCode>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();

  reset(): void {
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  issueCode(code: AuthorizationCode): string {
    const value = `na1-${randomUUID()}`;
    this.codes.set(value, code);
    return value;
  }

  /** A code works once: it is removed as soon as it is looked up. */
  takeCode(value: string): AuthorizationCode | undefined {
    const code = this.codes.get(value);
    this.codes.delete(value);
    return code;
  }

  issueRefreshToken(clientId: string, scopes: string[]): RefreshToken {
    const token: RefreshToken = { token: `na1-${randomUUID()}`, clientId, scopes, revoked: false };
    this.refreshTokens.set(token.token, token);
    return token;
  }

  issueAccessToken(refresh: RefreshToken, nowMs: number, ttlSeconds: number): AccessToken {
    const token: AccessToken = {
      token: `CJ${randomBytes(48).toString("base64url")}`,
      clientId: refresh.clientId,
      refreshToken: refresh.token,
      scopes: refresh.scopes,
      issuedAtMs: nowMs,
      expiresAtMs: nowMs + ttlSeconds * 1000,
    };
    this.accessTokens.set(token.token, token);
    return token;
  }

  /** Revokes one refresh token, or every one when none is named; returns how many. */
  revoke(token?: string): number {
    const targets = token ? [this.refreshTokens.get(token)] : [...this.refreshTokens.values()];
    let revoked = 0;
    for (const target of targets) {
      if (!target || target.revoked) continue;
      target.revoked = true;
      revoked += 1;
    }
    return revoked;
  }

  dropExpiredCodes(nowMs: number): void {
    for (const [value, code] of this.codes) if (code.expiresAtMs <= nowMs) this.codes.delete(value);
  }

  /** Checks `Authorization: Bearer …`; throws HubSpot's 401 (invalid or expired) otherwise. */
  authenticate(headers: IncomingHttpHeaders, nowMs: number): AuthGrant {
    const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "");
    const token = match?.[1];
    if (!token) throw invalidAuthentication();
    if (token === HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN)
      return { kind: "private-app", scopes: "all", rateLimit: { key: `pat:${token}`, daily: true } };
    const access = this.accessTokens.get(token);
    if (!access) throw invalidAuthentication();
    if (access.expiresAtMs <= nowMs) throw expiredAuthentication(nowMs - access.expiresAtMs);
    // Counted per installation (refresh token), so refreshing does not hand out a fresh budget.
    return {
      kind: "oauth",
      scopes: new Set(access.scopes),
      rateLimit: { key: `oauth:${access.refreshToken}`, daily: false },
    };
  }
}

export function requireScope(grant: AuthGrant, scope: string): void {
  if (grant.scopes !== "all" && !grant.scopes.has(scope)) throw missingScopes(scope);
}
