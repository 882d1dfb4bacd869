import type { z } from "zod";
import type { SandboxClock } from "../../clock";
import type { SandboxRequest } from "../../types";
import type { AuthGrant, OAuthStore } from "./auth";
import type { CrmService } from "./crm";
import { validationError } from "./errors";
import type { CrmObjectName } from "./object-types";
import type { HubspotRateLimits, RateLimiter } from "./rate-limit";
import type { SearchLimits } from "./search";
import type { HubspotStore } from "./store";
import type { HubspotWebhooks } from "./webhooks";

export interface HubspotSandboxOptions {
  /** Burst (default 190 per 10 s), daily and search-per-second limits per credential. */
  rateLimit?: Partial<HubspotRateLimits>;
  /** How long a write takes to show up in search results (default 0: immediately). */
  searchIndexingLagMs?: number;
  searchLimits?: Partial<SearchLimits>;
  /** `expires_in` of OAuth access tokens (default 1800 s). */
  accessTokenTtlSeconds?: number;
  authorizationCodeTtlSeconds?: number;
  /** HubSpot answers a refresh with the same refresh token; set to issue a new one and revoke the old. */
  rotateRefreshTokens?: boolean;
  /** Portal-specific custom properties, writable and readable like built-in ones. */
  customProperties?: Partial<Record<CrmObjectName, string[]>>;
  /** Redirect URIs registered on the OAuth app; any http(s) URL when absent. */
  redirectUris?: string[];
  /** Events per webhook POST (default 100). */
  webhookBatchSize?: number;
}

export interface ResolvedHubspotOptions {
  rateLimit: HubspotRateLimits;
  searchIndexingLagMs: number;
  searchLimits: SearchLimits;
  accessTokenTtlSeconds: number;
  authorizationCodeTtlSeconds: number;
  rotateRefreshTokens: boolean;
  customProperties: Partial<Record<CrmObjectName, string[]>>;
  redirectUris?: string[];
  webhookBatchSize: number;
}

export interface HubspotRuntime {
  store: HubspotStore;
  oauth: OAuthStore;
  crm: CrmService;
  webhooks: HubspotWebhooks;
  rateLimiter: RateLimiter;
  clock: SandboxClock;
  options: ResolvedHubspotOptions;
  /** The emulator's own base URL (`…/hubspot`), for `paging.next.link`. */
  apiBaseUrl: () => string;
}

/** One authenticated API call as the route handlers see it. */
export interface ApiCall {
  request: SandboxRequest;
  grant: AuthGrant;
  runtime: HubspotRuntime;
}

/** Parses the JSON body against a schema; HubSpot answers bad input with a 400 VALIDATION_ERROR. */
export function readJson<TSchema extends z.ZodType>(request: SandboxRequest, schema: TSchema): z.output<TSchema> {
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString("utf8") || "null");
  } catch (error) {
    throw validationError(`Invalid input JSON on line 1, column 1: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    message: issue.message,
    in: issue.path.join(".") || "body",
  }));
  const first = errors[0];
  throw validationError(`Invalid input JSON: ${first ? `${first.in}: ${first.message}` : "malformed body"}`, errors);
}
