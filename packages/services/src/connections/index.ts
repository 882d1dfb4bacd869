export { type CreateConnectionOptions, createConnection, credentialsHint } from "./create-connection";
export { type EnsureConnectionOptions, ensureConnection } from "./ensure-connection";
export { ConnectionInputError } from "./errors";
export { type ConnectionSummary, listConnections } from "./list-connections";
export {
  type CompleteOAuthOptions,
  completeOAuthConnection,
  type StartOAuthOptions,
  startOAuthConnection,
} from "./oauth-connection";
export { type ResolveConnectionOptions, resolveConnection } from "./resolve-connection";
