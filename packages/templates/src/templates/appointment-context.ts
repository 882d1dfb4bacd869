import { asText } from "../graph-builders";

// Expressions shared by the appointment templates (booked, rescheduled, canceled), so the three
// agree on the appointment's key and on how its context is written into the other tools.

/**
 * The appointment across reschedules. Cal.com gives a moved booking a new uid but keeps its
 * iCalUID (bumping iCalSequence), so the invoice keyed on it stays the one invoice of the
 * appointment; the uid is the fallback for payloads without it.
 */
export const APPOINTMENT_KEY = "{{ $default(trigger.iCalUID, trigger.booking.uid) }}";

/** "Tue 24 Nov 2026 14:00" in the customer's own zone. */
export const LOCAL_START = `{{ $formatDate(trigger.booking.start, "ccc d LLL yyyy HH:mm", trigger.booking.timeZone) }}`;

/** "Tue 24 Nov 2026 14:00 (Europe/Paris)": a time is never written without its zone. */
export const LOCAL_START_WITH_ZONE = `${LOCAL_START} ({{ trigger.booking.timeZone }})`;

export const SERVICE_LINE = `{{ trigger.booking.service }} — ${LOCAL_START_WITH_ZONE}, {{ trigger.booking.durationMinutes }} min`;

export const DEAL_NAME = `{{ trigger.booking.service }} — {{ trigger.customer.name }} — ${LOCAL_START}`;

export const TASK_SUBJECT = `Appointment: {{ trigger.booking.service }} with {{ trigger.customer.name }}, ${LOCAL_START_WITH_ZONE}`;

/** The appointment as the CRM task and the e-mails describe it. */
export const APPOINTMENT_DETAILS = [
  `When: ${LOCAL_START_WITH_ZONE} ({{ trigger.booking.startLocal }})`,
  "Service: {{ trigger.booking.service }}, {{ trigger.booking.durationMinutes }} min",
  `With: {{ $default(trigger.booking.organizer.name, "") }}`,
  `Where: {{ $default(trigger.booking.location, "") }}`,
  `Customer: {{ trigger.customer.name }}, {{ trigger.customer.email }}, {{ $default(trigger.customer.phone, "") }}`,
].join("\n");

/**
 * Written on the invoice, so everything downstream of it (payment, overdue, cancel) knows the
 * appointment and the CRM records without asking Cal.com or HubSpot again. Stripe metadata takes
 * text only: every value goes through `asText`.
 */
export function appointmentMetadata(crm: { contactId: string; dealId: string; taskId: string }) {
  return {
    booking_uid: asText("trigger.booking.uid"),
    appointment_key: APPOINTMENT_KEY,
    appointment_start: asText("trigger.booking.startLocal"),
    appointment_time_zone: asText("trigger.booking.timeZone"),
    service: asText("trigger.booking.service"),
    duration_minutes: asText("trigger.booking.durationMinutes"),
    staff_owner: asText("trigger.booking.organizer.name"),
    staff_email: asText("trigger.booking.organizer.email"),
    customer_email: asText("trigger.customer.email"),
    customer_phone: asText("trigger.customer.phone"),
    hubspot_contact_id: crm.contactId,
    hubspot_deal_id: crm.dealId,
    hubspot_task_id: crm.taskId,
  };
}
