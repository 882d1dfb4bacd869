import { defineBookingTrigger } from "./booking-trigger";

export const bookingCancelledTrigger = defineBookingTrigger({
  key: "booking-cancelled",
  name: "Booking cancelled",
  description: "Starts the flow when the customer or the organizer cancels an appointment in Cal.com.",
  triggerEvent: "BOOKING_CANCELLED",
});
