import { z } from "zod";
import { ConnectorError } from "./errors/connector-error";

export type NoAuth = { kind: "none" };

/** A key sent in a header, e.g. `X-API-TOKEN: <key>` or `Authorization: Token <key>`. */
export type ApiKeyAuth = { kind: "api_key"; header: string; prefix?: string; description?: string };

export type BearerAuth = { kind: "bearer"; description?: string };

export type BasicAuth = { kind: "basic"; description?: string };

/** Declared so connectors can describe it; the authorization-code flow arrives with its own issue. */
export type OAuth2Auth = {
  kind: "oauth2";
  authorizationUrl: string;
  tokenUrl: string;
  scopes: readonly string[];
  description?: string;
};

export type ConnectorAuth = NoAuth | ApiKeyAuth | BearerAuth | BasicAuth | OAuth2Auth;

export type Credentials = Readonly<Record<string, string>>;

const secret = (label: string) => z.string().trim().min(1, `${label} is required`);

/** The connection form for an auth kind, and the check made before credentials are stored. */
export function credentialsSchemaFor(auth: ConnectorAuth): z.ZodObject | undefined {
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
      return z.object({ accessToken: secret("Access token"), refreshToken: z.string().optional() });
  }
}

function required(credentials: Credentials | null, field: string): string {
  const value = credentials?.[field];
  if (value === undefined || value === "") {
    throw new ConnectorError({ code: "auth", message: `the connection has no ${field}; reconnect the account` });
  }
  return value;
}

/** The headers that authenticate a request for this auth kind. */
export function authHeaders(auth: ConnectorAuth, credentials: Credentials | null): Record<string, string> {
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
