import type { z } from "zod";
import type { SandboxClock } from "../../../clock";
import type { SandboxRequest } from "../../../types";
import { type CalcomFailure, failure } from "../errors";
import type { CalcomStore } from "../store";
import type { BookingRefusal } from "../types";
import { firstIssue, parseJsonBody } from "../validation";

export interface RouteContext {
  request: SandboxRequest;
  store: CalcomStore;
  clock: SandboxClock;
}

/** A handler's answer before the envelope and rate-limit headers are added. */
export type RouteResult = { status: number; body: unknown } | CalcomFailure;

export function isFailure(value: object): value is CalcomFailure {
  return "code" in value && "message" in value;
}

export function success(status: number, data: unknown, extra: Record<string, unknown> = {}): RouteResult {
  return { status, body: { status: "success", data, ...extra } };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: CalcomFailure };

/** The JSON body checked against `schema`; 400 with Cal.com's wording for the first problem. */
export function readBody<T>(ctx: RouteContext, schema: z.ZodType<T>): Parsed<T> {
  const json = parseJsonBody(ctx.request.rawBody);
  if (!json.ok) return { ok: false, failure: failure("BadRequestException", "The request body is not valid JSON") };
  const parsed = schema.safeParse(json.value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, failure: failure("BadRequestException", firstIssue(parsed.error)) };
}

/** Cal.com reports a missing booking as 404 and every other refused booking change as 400. */
export function refusalFailure(refusal: BookingRefusal): CalcomFailure {
  return {
    code: refusal.kind === "not-found" ? "NotFoundException" : "BadRequestException",
    message: refusal.message,
  };
}
