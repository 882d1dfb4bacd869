import type { ConnectionMethod, Provider } from "./types";

/**
 * The ways of connecting a person can fill in here. OAuth tokens come from the provider's consent
 * screen, never typed, so OAuth is left to its own "connect" flow.
 */
export function typedMethods(provider: Provider | undefined): ConnectionMethod[] {
  return provider?.methods.filter((method) => method.kind !== "oauth2") ?? [];
}

/** "Token" → "New token", "API key" → "New API key": the label of a replacement field. */
export function replacementLabel(label: string): string {
  const keepsCase = /^[A-Z]{2}/.test(label);
  return `New ${keepsCase ? label : label.charAt(0).toLowerCase() + label.slice(1)}`;
}

const METHOD_LABELS: Readonly<Record<ConnectionMethod["kind"], string>> = {
  api_key: "API key",
  bearer: "Token",
  basic: "Username and password",
  oauth2: "OAuth",
};

export function methodLabel(kind: ConnectionMethod["kind"]): string {
  return METHOD_LABELS[kind];
}
