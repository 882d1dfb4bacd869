import type { BearerAuth } from "@handoff/connector-sdk";

/** A Cal.com API key (`cal_live_…`, or `cal_…` on self-hosted installs), sent as a bearer token. */
export const calcomAuth = {
  kind: "bearer",
  description:
    "A Cal.com API key from Settings → Developer → API keys (it starts with cal_). For a self-hosted Cal.com, set the connection's base URL to your API host.",
} as const satisfies BearerAuth;
