export { SandboxClock } from "./clock";
export { FaultPlan } from "./faults";
export { defaultSandboxProviders } from "./providers";
export { type SandboxServer, type StartSandboxServerOptions, startSandboxServer } from "./server";
export type {
  Fault,
  RecordedRequest,
  SandboxContext,
  SandboxProvider,
  SandboxProviderFactory,
  SandboxRequest,
  SandboxResponse,
} from "./types";
export {
  type DeliveryAttempt,
  type OutgoingWebhook,
  WebhookOutbox,
  type WebhookOutboxOptions,
  type WebhookToSend,
} from "./webhook-outbox";
