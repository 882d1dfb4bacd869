export {
  type ActionConnection,
  type ActionContext,
  type ActionDefinition,
  type AnyActionDefinition,
  defineAction,
  type LogData,
  type OptionItem,
  type OptionsLoader,
} from "./action";
export {
  type ApiKeyAuth,
  authHeaders,
  authKindFor,
  authOptions,
  type BasicAuth,
  type BearerAuth,
  type ConnectorAuth,
  type Credentials,
  credentialsSchemaFor,
  type MultiAuth,
  type NoAuth,
  type OAuth2Auth,
  type SingleAuth,
} from "./auth";
export { type ConnectionEnvironment, staticConnection } from "./connection";
export {
  type ConnectorCategory,
  type ConnectorDefinition,
  defineConnector,
  isConnectorDefinition,
} from "./connector";
export {
  ConnectorError,
  type ConnectorErrorCode,
  type ConnectorErrorKind,
  type ConnectorErrorOptions,
  defaultKindFor,
  type SerializedConnectorError,
} from "./errors/connector-error";
export {
  classifyHttpStatus,
  type HttpStatusClassification,
  type HttpStatusErrorOptions,
  httpStatusError,
} from "./errors/http-status";
export { isRetriable, toConnectorError } from "./errors/normalize";
export { extractProviderMessage, PROVIDER_MESSAGE_MAX_LENGTH, truncateText } from "./errors/provider-message";
export { parseRetryAfter } from "./errors/retry-after";
export { type JsonSchemaForm, toJsonSchemaForm } from "./forms/json-schema-form";
export { type HeadersLike, headerValue, normalizeHeaders } from "./headers";
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpMethod,
  type HttpRequest,
  type HttpResponse,
} from "./http/http-client";
export type {
  IdentityContext,
  IdentityKeys,
  IdentityLinkInput,
  IdentityLookup,
  IdentityReviewInput,
  NormalizedIdentityKeys,
} from "./identity";
export { normalizeEmail, normalizeIdentityKeys, normalizePhone } from "./identity-keys";
export { isJsonObject, type JsonObject, type JsonPrimitive, type JsonValue } from "./json";
export { LIFECYCLES, type Lifecycle, ZLifecycle } from "./lifecycle";
export {
  buildAuthorizationUrl,
  createPkcePair,
  exchangeAuthorizationCode,
  needsRefresh,
  type OAuth2Credentials,
  type OAuth2Tokens,
  oauthEndpoint,
  REFRESH_MARGIN_MS,
  refreshAccessToken,
} from "./oauth2";
export { type BackoffOptions, computeBackoff } from "./retry/backoff";
export { type CronValidation, nextFireTimes, validateCron } from "./schedule/cron";
export { type ScheduleProps, ZCron, ZScheduleProps, ZTimeZone } from "./schedule/schedule-props";
export { validateTimeZone } from "./schedule/time-zone";
export type {
  SyncReviewCanceledStillOpen,
  SyncReviewContext,
  SyncReviewDuplicate,
  SyncReviewFailedSync,
  SyncReviewReport,
} from "./sync-review";
export { type AnyTriggerDefinition, defineTrigger, type TriggerKind } from "./triggers/define-trigger";
export type { PollingContext, PollingTriggerDefinition, PollResult } from "./triggers/polling";
export type { ScheduleFireInput, ScheduleTriggerDefinition } from "./triggers/schedule";
export type {
  WebhookDeriveContext,
  WebhookHeaders,
  WebhookParseResult,
  WebhookSubscribeContext,
  WebhookSubscription,
  WebhookTriggerDefinition,
  WebhookVerifyInput,
  WebhookVerifyResult,
} from "./triggers/webhook";
export {
  type HmacSha256VerifierOptions,
  hmacSha256Verifier,
  type SignatureEncoding,
  signHmacSha256,
  type VerifyHmacSha256Options,
  verifyHmacSha256,
} from "./webhooks/hmac";
export { type JsonBodyResult, parseJsonBody, parseJsonObjectBody } from "./webhooks/json-body";
