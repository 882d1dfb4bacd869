export { createMemoryIdentity } from "./memory-identity";
export { type LogEntry, type RunActionOptions, runAction } from "./run-action";
export { type CapturedDelivery, startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";
