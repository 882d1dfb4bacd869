import type { SandboxRequest, SandboxResponse } from "../../types";
import type { MailStore } from "./store";

/**
 * The captured mailbox over HTTP (mounted at `/mail`): list with filters, read one, clear.
 * There is no real provider API to mirror; shapes follow the sandbox's own `{error}` convention.
 */
export function handleMailRequest(store: MailStore, request: SandboxRequest): SandboxResponse {
  if (request.path === "/messages") {
    if (request.method === "GET") {
      const to = request.query.get("to") ?? undefined;
      const subject = request.query.get("subject") ?? undefined;
      return { status: 200, body: { messages: store.list({ to, subject }) } };
    }
    if (request.method === "DELETE") return { status: 200, body: { deleted: store.clear() } };
    return methodNotAllowed("GET, DELETE");
  }
  const single = /^\/messages\/([^/]+)$/.exec(request.path);
  if (single) {
    if (request.method !== "GET") return methodNotAllowed("GET");
    const id = decodeURIComponent(single[1] ?? "");
    const message = store.get(id);
    return message ? { status: 200, body: message } : { status: 404, body: { error: `no message with id "${id}"` } };
  }
  return { status: 404, body: { error: `no mail route ${request.method} ${request.path}` } };
}

function methodNotAllowed(allow: string): SandboxResponse {
  return { status: 405, headers: { allow }, body: { error: `method not allowed, use ${allow}` } };
}
