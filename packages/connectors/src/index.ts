export { calcomConnector } from "./calcom";
export { bookingCancelledTrigger } from "./calcom/booking-cancelled";
export { bookingCreatedTrigger } from "./calcom/booking-created";
export { bookingRescheduledTrigger } from "./calcom/booking-rescheduled";
export { getBookingAction } from "./calcom/get-booking";
export { coreConnector } from "./core";
export { httpRequestAction } from "./core/http-request-action";
export { scheduleTrigger } from "./core/schedule-trigger";
export { webhookTrigger } from "./core/webhook-trigger";
export { emailConnector } from "./email";
export { sendEmailAction } from "./email/send-email";
export { hubspotConnector } from "./hubspot";
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
export { stripeConnector } from "./stripe";
