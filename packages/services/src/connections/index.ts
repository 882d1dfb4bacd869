export {
  type ConnectionMethod,
  type ConnectionProvider,
  type CredentialField,
  connectionProviders,
} from "./connection-providers";
export { type CreateConnectionOptions, createConnection } from "./create-connection";
export { credentialsHint } from "./credentials-hint";
export { type DeleteConnectionOptions, deleteConnection } from "./delete-connection";
export { type EnsureConnectionOptions, ensureConnection } from "./ensure-connection";
export { ConnectionInputError, ConnectionInUseError, ConnectionNotFoundError } from "./errors";
export { type ConnectionSummary, listConnections } from "./list-connections";
export {
  type CompleteOAuthOptions,
  completeOAuthConnection,
  type StartOAuthOptions,
  startOAuthConnection,
} from "./oauth-connection";
export { type RenameConnectionOptions, renameConnection } from "./rename-connection";
export {
  type ReplaceConnectionCredentialsOptions,
  replaceConnectionCredentials,
} from "./replace-connection-credentials";
export { type ResolveConnectionOptions, resolveConnection } from "./resolve-connection";
