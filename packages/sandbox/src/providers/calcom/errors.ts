import type { SandboxRequest, SandboxResponse } from "../../types";

/** The NestJS exceptions Cal.com's API v2 answers with; `code` in the body is the class name. */
const EXCEPTIONS = {
  BadRequestException: { status: 400, error: "Bad Request" },
  UnauthorizedException: { status: 401, error: "Unauthorized" },
  NotFoundException: { status: 404, error: "Not Found" },
  ConflictException: { status: 409, error: "Conflict" },
  ThrottlerException: { status: 429, error: "Too Many Requests" },
} as const;

export type CalcomExceptionCode = keyof typeof EXCEPTIONS;

/** What a route handler knows about the failure; the envelope adds where and when. */
export interface CalcomFailure {
  code: CalcomExceptionCode;
  message: string;
}

export function failure(code: CalcomExceptionCode, message: string): CalcomFailure {
  return { code, message };
}

/** The path as Express reports `request.url`: with the query string. */
export function requestUrl(request: SandboxRequest): string {
  const query = request.query.toString();
  return query ? `${request.path}?${query}` : request.path;
}

/**
 * Cal.com's `HttpExceptionFilter` body: `{status:"error", timestamp, path, error:{code, message, details}}`,
 * where `details` is Nest's `exception.getResponse()` (a bare string for the throttler's exception).
 */
export function errorResponse(request: SandboxRequest, now: Date, { code, message }: CalcomFailure): SandboxResponse {
  const { status, error } = EXCEPTIONS[code];
  const details = code === "ThrottlerException" ? message : { message, error, statusCode: status };
  return {
    status,
    body: {
      status: "error",
      timestamp: now.toISOString(),
      path: requestUrl(request),
      error: { code, message, details },
    },
  };
}
