import { defineConnector } from "@handoff/connector-sdk";
import { httpRequestAction } from "./http-request-action";
import { scheduleTrigger } from "./schedule-trigger";
import { syncReviewAction } from "./sync-review-action";
import { webhookTrigger } from "./webhook-trigger";

export const coreConnector = defineConnector({
  key: "core",
  name: "Handoff",
  category: "core",
  auth: { kind: "none" },
  triggers: [webhookTrigger, scheduleTrigger],
  actions: [httpRequestAction, syncReviewAction],
});
