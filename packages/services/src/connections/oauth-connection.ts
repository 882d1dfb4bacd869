import type { SecretBox } from "@handoff/auth";
import {
  authOptions,
  buildAuthorizationUrl,
  createPkcePair,
  exchangeAuthorizationCode,
  type OAuth2Auth,
} from "@handoff/connector-sdk";
import { getConnector } from "@handoff/connectors";
import type { Database } from "@handoff/db";
import { z } from "zod";
import { createConnection } from "./create-connection";
import { ConnectionInputError } from "./errors";

/** Long enough to sign in at the provider, short enough that a leaked link soon stops working. */
const STATE_TTL_MS = 15 * 60_000;

const ZPendingAuthorization = z.object({
  workspaceId: z.string(),
  actorUserId: z.string().nullable(),
  provider: z.string(),
  name: z.string(),
  environment: z.enum(["test", "live"]),
  clientId: z.string(),
  clientSecret: z.string(),
  baseUrl: z.string().nullable(),
  redirectUri: z.string(),
  verifier: z.string(),
  expiresAt: z.number(),
});
type PendingAuthorization = z.infer<typeof ZPendingAuthorization>;

function oauthOf(provider: string): OAuth2Auth {
  const connector = getConnector(provider);
  const oauth = connector ? authOptions(connector.auth).find((option) => option.kind === "oauth2") : undefined;
  if (oauth?.kind !== "oauth2") throw new ConnectionInputError("provider", `${provider} does not connect with OAuth`);
  return oauth;
}

export interface StartOAuthOptions extends Omit<PendingAuthorization, "verifier" | "expiresAt" | "baseUrl"> {
  secretBox: SecretBox;
  baseUrl?: string | null;
  now?: Date;
}

/**
 * Step 1 of authorization code + PKCE: the provider's consent URL. Everything the callback needs
 * (the PKCE verifier, the app's client secret) travels in `state`, sealed with the workspace key,
 * so nothing half-finished is stored and a forged or stale state is refused.
 */
export function startOAuthConnection(options: StartOAuthOptions): { authorizationUrl: string } {
  const auth = oauthOf(options.provider);
  const { verifier, challenge } = createPkcePair();
  const { secretBox, now = new Date(), ...rest } = options;
  const pending: PendingAuthorization = {
    ...rest,
    baseUrl: options.baseUrl ?? null,
    verifier,
    expiresAt: now.getTime() + STATE_TTL_MS,
  };
  const state = secretBox.seal(JSON.stringify(pending));
  return {
    authorizationUrl: buildAuthorizationUrl({
      auth,
      clientId: options.clientId,
      redirectUri: options.redirectUri,
      state,
      codeChallenge: challenge,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    }),
  };
}

export interface CompleteOAuthOptions {
  db: Database;
  secretBox: SecretBox;
  state: string;
  code: string;
  now?: Date;
  fetch?: typeof fetch;
}

/** Step 2, the callback: exchanges the code and stores the tokens as a new connection. */
export async function completeOAuthConnection(options: CompleteOAuthOptions): Promise<{ id: string }> {
  let pending: PendingAuthorization;
  try {
    pending = ZPendingAuthorization.parse(JSON.parse(options.secretBox.open(options.state)));
  } catch {
    throw new ConnectionInputError("state", "This authorization link is not one Handoff started; connect again");
  }
  const now = options.now ?? new Date();
  if (pending.expiresAt < now.getTime()) {
    throw new ConnectionInputError("state", "This authorization took too long and expired; connect again");
  }
  const tokens = await exchangeAuthorizationCode({
    auth: oauthOf(pending.provider),
    clientId: pending.clientId,
    clientSecret: pending.clientSecret,
    code: options.code,
    redirectUri: pending.redirectUri,
    codeVerifier: pending.verifier,
    ...(pending.baseUrl ? { baseUrl: pending.baseUrl } : {}),
    now: () => now,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return createConnection({
    db: options.db,
    secretBox: options.secretBox,
    workspaceId: pending.workspaceId,
    actorUserId: pending.actorUserId,
    provider: pending.provider,
    name: pending.name,
    environment: pending.environment,
    baseUrl: pending.baseUrl,
    credentials: { clientId: pending.clientId, clientSecret: pending.clientSecret, ...tokens },
  });
}
