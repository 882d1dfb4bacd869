import { authOptions, credentialsSchemaFor, type SingleAuth, toJsonSchemaForm } from "@handoff/connector-sdk";
import { connectors } from "@handoff/connectors";

export interface CredentialField {
  key: string;
  label: string;
  /** Typed into a password input, sealed, and afterwards shown only as a hint. */
  secret: boolean;
  required: boolean;
  help: string | null;
}

/** One way of connecting a tool (HubSpot: a private app token, or OAuth). */
export interface ConnectionMethod {
  kind: Exclude<SingleAuth["kind"], "none">;
  description: string | null;
  fields: CredentialField[];
}

export interface ConnectionProvider {
  key: string;
  name: string;
  category: string;
  methods: ConnectionMethod[];
}

/** The same rule the engine redacts step records by: keys, tokens, secrets and passwords. */
const SECRET_FIELD = /token|key|secret|password/i;

// The SDK's credential schemas carry field names, not labels; these are what people call them.
const LABELS: Readonly<Record<string, string>> = {
  apiKey: "API key",
  token: "Token",
  username: "Username",
  password: "Password",
  clientId: "Client ID",
  clientSecret: "Client secret",
  accessToken: "Access token",
  refreshToken: "Refresh token",
  expiresAt: "Token expires at",
};

const HELP: Readonly<Record<string, string>> = {
  expiresAt: "An ISO 8601 date-time with its offset, e.g. 2030-01-01T00:00:00Z",
};

/** `someField` → "Some field", for a field a new auth kind adds before it gets a label here. */
function labelFor(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return LABELS[key] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/** The credential form of one way of connecting, as the browser renders it. */
export function methodOf(auth: Exclude<SingleAuth, { kind: "none" }>): ConnectionMethod {
  const schema = credentialsSchemaFor(auth);
  const form = schema ? toJsonSchemaForm(schema) : {};
  const required = new Set(form.required ?? []);
  return {
    kind: auth.kind,
    description: auth.description ?? null,
    fields: Object.keys(form.properties ?? {}).map((key) => ({
      key,
      label: labelFor(key),
      secret: SECRET_FIELD.test(key),
      required: required.has(key),
      help: HELP[key] ?? null,
    })),
  };
}

/**
 * Every tool a connection can be made for, with the credential form of each way it connects, so
 * the browser renders the form from the connector registry instead of knowing the tools itself.
 */
export function connectionProviders(): ConnectionProvider[] {
  return connectors.flatMap((connector) => {
    const methods = authOptions(connector.auth).flatMap((auth) => (auth.kind === "none" ? [] : [methodOf(auth)]));
    if (methods.length === 0) return [];
    return [{ key: connector.key, name: connector.name, category: connector.category, methods }];
  });
}
