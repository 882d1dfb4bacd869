import { defineBookingTrigger } from "./booking-trigger";

export const bookingRescheduledTrigger = defineBookingTrigger({
  key: "booking-rescheduled",
  name: "Booking rescheduled",
  description:
    "Starts the flow when an appointment moves to another time. Cal.com gives the moved booking a new uid; the old one is in booking.previousUid.",
  triggerEvent: "BOOKING_RESCHEDULED",
});
