import { z } from "zod";
import { ConnectorError } from "./errors/connector-error";

export type NoAuth = { kind: "none" };

/** A key sent in a header, e.g. `X-API-TOKEN: <key>` or `Authorization: Token <key>`. */
export type ApiKeyAuth = { kind: "api_key"; header: string; prefix?: string; description?: string };

export type BearerAuth = { kind: "bearer"; description?: string };

export type BasicAuth = { kind: "basic"; description?: string };

/** Authorization code with PKCE; tokens are refreshed before expiry (see `oauth2.ts`). */
export type OAuth2Auth = {
  kind: "oauth2";
  authorizationUrl: string;
  tokenUrl: string;
  scopes: readonly string[];
  description?: string;
};

/** A provider that accepts more than one kind (HubSpot: private-app token or OAuth2). */
export type MultiAuth = { kind: "multi"; options: readonly (ApiKeyAuth | BearerAuth | BasicAuth | OAuth2Auth)[] };

export type SingleAuth = NoAuth | ApiKeyAuth | BearerAuth | BasicAuth | OAuth2Auth;
export type ConnectorAuth = SingleAuth | MultiAuth;

export type Credentials = Readonly<Record<string, string>>;

const secret = (label: string) => z.string().trim().min(1, `${label} is required`);

/** The connection form for an auth kind, and the check made before credentials are stored. */
export function credentialsSchemaFor(auth: SingleAuth): z.ZodObject | undefined {
  switch (auth.kind) {
    case "none":
      return undefined;
    case "api_key":
      return z.object({ apiKey: secret("API key") });
    case "bearer":
      return z.object({ token: secret("Token") });
    case "basic":
      return z.object({ username: secret("Username"), password: z.string() });
    case "oauth2":
      return z.object({
        clientId: secret("Client ID"),
        clientSecret: secret("Client secret"),
        accessToken: secret("Access token"),
        refreshToken: secret("Refresh token"),
        expiresAt: z.iso.datetime({ offset: true }),
      });
  }
}

/** The auth kinds a connector accepts, one per way of connecting. */
export function authOptions(auth: ConnectorAuth): readonly SingleAuth[] {
  return auth.kind === "multi" ? auth.options : [auth];
}

function required(credentials: Credentials | null, field: string): string {
  const value = credentials?.[field];
  if (value === undefined || value === "") {
    throw new ConnectorError({ code: "auth", message: `the connection has no ${field}; reconnect the account` });
  }
  return value;
}

/** The headers that authenticate a request for this auth kind (OAuth tokens already fresh). */
export function authHeaders(auth: SingleAuth, credentials: Credentials | null): Record<string, string> {
  switch (auth.kind) {
    case "none":
      return {};
    case "api_key":
      return { [auth.header]: `${auth.prefix ?? ""}${required(credentials, "apiKey")}` };
    case "bearer":
      return { authorization: `Bearer ${required(credentials, "token")}` };
    case "basic": {
      const pair = `${required(credentials, "username")}:${credentials?.password ?? ""}`;
      return { authorization: `Basic ${Buffer.from(pair, "utf8").toString("base64")}` };
    }
    case "oauth2":
      return { authorization: `Bearer ${required(credentials, "accessToken")}` };
  }
}

/** Which of a connector's auth kinds these credentials are for (the first whose form they fill). */
export function authKindFor(auth: ConnectorAuth, credentials: Credentials): SingleAuth {
  const options = authOptions(auth);
  const match = options.find((option) => credentialsSchemaFor(option)?.safeParse(credentials).success ?? true);
  if (!match) {
    throw new ConnectorError({
      code: "auth",
      message: "the connection's credentials fit none of the ways this app connects; reconnect the account",
    });
  }
  return match;
}
