import { readWebEnv } from "~/env";

/**
 * The address providers and browsers reach this installation at: HANDOFF_PUBLIC_URL when the
 * owner set it (behind a proxy, on a domain), else the origin the request came in on.
 */
export function publicUrlFor(request: Request): string {
  return readWebEnv().HANDOFF_PUBLIC_URL ?? new URL(request.url).origin;
}
