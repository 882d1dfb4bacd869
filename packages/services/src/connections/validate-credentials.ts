import { authOptions, type ConnectorDefinition, type Credentials, credentialsSchemaFor } from "@handoff/connector-sdk";
import { getConnector } from "@handoff/connectors";
import { methodOf } from "./connection-providers";
import { ConnectionInputError } from "./errors";

/**
 * Checks credentials against the provider's auth forms before they are sealed, on create and on
 * replace alike. A refusal names the field (`credentials.token`) and never echoes a value.
 */
export function validateCredentials(provider: string, credentials: Credentials): ConnectorDefinition {
  const connector = getConnector(provider);
  if (!connector) throw new ConnectionInputError("provider", `There is no "${provider}" connector`);
  const options = authOptions(connector.auth).flatMap((auth) => (auth.kind === "none" ? [] : [auth]));
  if (options.length === 0) throw new ConnectionInputError("provider", `${connector.name} needs no connection`);
  if (options.some((auth) => credentialsSchemaFor(auth)?.safeParse(credentials).success)) return connector;

  // None fits: explain against the form the person was most likely filling in.
  const filled = (key: string) => (credentials[key] ?? "").trim() !== "";
  const forms = options.map((auth) => ({ auth, method: methodOf(auth) }));
  const filledIn = (form: (typeof forms)[number]) => form.method.fields.filter((field) => filled(field.key)).length;
  const closest = forms.reduce((best, next) => (filledIn(next) > filledIn(best) ? next : best));
  const missing = closest.method.fields.find((field) => field.required && !filled(field.key));
  if (missing) throw new ConnectionInputError(`credentials.${missing.key}`, `${missing.label} is required`);
  const problem = credentialsSchemaFor(closest.auth)?.safeParse(credentials).error?.issues[0];
  if (problem) {
    const key = problem.path.join(".");
    const label = closest.method.fields.find((field) => field.key === key)?.label ?? key;
    throw new ConnectionInputError(`credentials.${key}`, `${label}: ${problem.message}`);
  }
  throw new ConnectionInputError("credentials", `These credentials do not fit how ${connector.name} connects`);
}

/** An optional API address (sandbox or self-hosted install): a full URL, or nothing. */
export function validateBaseUrl(baseUrl: string | null | undefined): string | null {
  const trimmed = baseUrl?.trim();
  if (!trimmed) return null;
  if (!URL.canParse(trimmed)) throw new ConnectionInputError("baseUrl", "The API address must be a full URL");
  return trimmed;
}

const MAX_NAME_LENGTH = 120;

/** The name people pick the connection by in the step panel: trimmed, present, short. */
export function validateConnectionName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ConnectionInputError("name", "Give the connection a name");
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new ConnectionInputError("name", `Keep the name under ${MAX_NAME_LENGTH} characters`);
  }
  return trimmed;
}
