import { timingSafeEqual } from "node:crypto";
import type { SandboxRequest } from "../../types";
import { type CalcomFailure, failure } from "./errors";

const NO_AUTH_PROVIDED =
  "ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";

/** The token as Cal.com reads it: the Authorization header with "Bearer " removed. */
export function bearerToken(request: SandboxRequest): string | undefined {
  const header = request.headers.authorization;
  return header ? header.replace("Bearer ", "") : undefined;
}

/**
 * Cal.com's `ApiAuthStrategy` messages: a token with the `cal_` prefix is checked as an API key,
 * anything else as an OAuth access token (which the sandbox never issues).
 */
export function authenticate(request: SandboxRequest, apiKey: string): CalcomFailure | undefined {
  const token = bearerToken(request);
  if (!token) return failure("UnauthorizedException", NO_AUTH_PROVIDED);
  if (!token.startsWith("cal_"))
    return failure("UnauthorizedException", "ApiAuthStrategy - access token - Invalid Access Token");
  if (!sameSecret(token, apiKey))
    return failure("UnauthorizedException", "ApiAuthStrategy - api key - Your api key is not valid");
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
