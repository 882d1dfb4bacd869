import { defineBookingTrigger } from "./booking-trigger";

export const bookingCreatedTrigger = defineBookingTrigger({
  key: "booking-created",
  name: "Booking created",
  description: "Starts the flow when a customer books an appointment in Cal.com.",
  triggerEvent: "BOOKING_CREATED",
});
