import { authHeaders, authKindFor, type ConnectorAuth, type Credentials } from "./auth";

export type ConnectionEnvironment = "test" | "live";

/** One saved account of a provider, as an action or trigger sees it (credentials decrypted). */
export interface ActionConnection {
  id: string;
  environment: ConnectionEnvironment;
  credentials: Credentials;
  /**
   * Where the provider's API lives when it is not the cloud default: the sandbox emulators, or a
   * self-hosted install. Connectors fall back to their public base URL.
   */
  baseUrl?: string;
  /** Headers that authenticate, refreshing an OAuth2 token first when it is about to expire. */
  authHeaders(): Promise<Record<string, string>>;
}

/** A connection with fixed credentials (API key, token, basic): for tests and static auth kinds. */
export function staticConnection(options: {
  auth: ConnectorAuth;
  credentials: Credentials;
  baseUrl?: string;
  id?: string;
  environment?: ConnectionEnvironment;
}): ActionConnection {
  const kind = authKindFor(options.auth, options.credentials);
  return {
    id: options.id ?? "test-connection",
    environment: options.environment ?? "test",
    credentials: options.credentials,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    authHeaders: async () => authHeaders(kind, options.credentials),
  };
}
