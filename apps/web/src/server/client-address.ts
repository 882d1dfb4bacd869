import type { IncomingMessage } from "node:http";

/**
 * The address a request came from: the socket's, or — only behind a proxy the owner said to
 * trust — the first address in X-Forwarded-For (which a client can otherwise write freely).
 */
export function clientAddressOf(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return request.socket.remoteAddress ?? "unknown";
}
