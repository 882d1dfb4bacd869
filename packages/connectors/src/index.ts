export { coreConnector } from "./core";
export { httpRequestAction } from "./core/http-request-action";
export { scheduleTrigger } from "./core/schedule-trigger";
export { webhookTrigger } from "./core/webhook-trigger";
export { emailConnector } from "./email";
export { sendEmailAction } from "./email/send-email";
export {
  type ConnectorKey,
  connectors,
  getAction,
  getConnector,
  getTrigger,
  needsConnection,
  type OperationKind,
  propsSchemaFor,
  type RegisteredConnector,
} from "./registry";
