import { defineConnector } from "@handoff/connector-sdk";
import { calcomAuth } from "./auth";
import { bookingCancelledTrigger } from "./booking-cancelled";
import { bookingCreatedTrigger } from "./booking-created";
import { bookingRescheduledTrigger } from "./booking-rescheduled";
import { getBookingAction } from "./get-booking";

export const calcomConnector = defineConnector({
  key: "calcom",
  name: "Cal.com",
  category: "calendar",
  auth: calcomAuth,
  triggers: [bookingCreatedTrigger, bookingRescheduledTrigger, bookingCancelledTrigger],
  actions: [getBookingAction],
});
