import { TRPCClientError } from "@trpc/client";
import type { SaveResult } from "./draft-session";

/**
 * How a failed `flows.editDraft` call steers the autosave: CONFLICT stops it (someone saved a
 * newer draft), a refusal drops the operations (sending them again would fail again), anything
 * else (network, server restart) is retried.
 */
export function saveFailure(error: unknown): SaveResult {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof TRPCClientError)) return { ok: false, kind: "failed", message };
  const data = error.data as { code?: string; operationError?: { message?: string } } | undefined;
  switch (data?.code) {
    case "CONFLICT":
      return { ok: false, kind: "conflict", message };
    case "BAD_REQUEST":
      return { ok: false, kind: "refused", message: data.operationError?.message ?? message };
    case "FORBIDDEN":
    case "NOT_FOUND":
    case "UNAUTHORIZED":
      return { ok: false, kind: "refused", message };
    default:
      return { ok: false, kind: "failed", message };
  }
}
