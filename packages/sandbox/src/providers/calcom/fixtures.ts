/**
 * Seed data of the Cal.com emulator, exported so connector tests and the demo workspace can use
 * the same credentials and ids the sandbox answers to.
 */

/** The one API key the sandbox accepts (`Authorization: Bearer …`). Real keys start `cal_`. */
export const CALCOM_SANDBOX_API_KEY = "cal_test_handoff_sandbox";

/** `cal-api-version` values the bookings endpoints accept; the first is the one to send. */
export const CALCOM_BOOKINGS_API_VERSIONS = ["2024-08-13", "2026-02-25"] as const;

/** The only payload version Cal.com webhooks have: also sent as `X-Cal-Webhook-Version`. */
export const CALCOM_WEBHOOK_VERSION = "2021-10-20";

export interface CalcomOrganizer {
  id: number;
  name: string;
  email: string;
  username: string;
  timeZone: string;
  locale: string;
  timeFormat: string;
}

export interface CalcomEventType {
  id: number;
  slug: string;
  title: string;
  description: string;
  /** Minutes. */
  length: number;
  /** Minor units (cents), as Cal.com stores it. */
  price: number;
  /** Lower-case ISO code, as Cal.com stores it. */
  currency: string;
  location: string;
  requiresConfirmation: boolean;
}

/** The sandbox's single user: the salon owner whose API key the connector holds. */
export const CALCOM_SANDBOX_ORGANIZER: CalcomOrganizer = {
  id: 1042,
  name: "Marie Dupont",
  email: "marie@salon-lumiere.example",
  username: "salon-lumiere",
  timeZone: "Europe/Paris",
  locale: "fr",
  timeFormat: "HH:mm",
};

const SALON_ADDRESS = "12 Rue des Lilas, 75011 Paris";

export const CALCOM_SANDBOX_EVENT_TYPES: readonly CalcomEventType[] = [
  {
    id: 501,
    slug: "haircut",
    title: "Haircut",
    description: "Cut and blow-dry.",
    length: 45,
    price: 4500,
    currency: "eur",
    location: SALON_ADDRESS,
    requiresConfirmation: false,
  },
  {
    id: 502,
    slug: "colour",
    title: "Colour",
    description: "Full colour with a gloss.",
    length: 90,
    price: 8500,
    currency: "eur",
    location: SALON_ADDRESS,
    requiresConfirmation: false,
  },
  {
    id: 503,
    slug: "free-consultation",
    title: "Free consultation",
    description: "A quick chat before a first appointment.",
    length: 15,
    price: 0,
    currency: "eur",
    location: SALON_ADDRESS,
    requiresConfirmation: false,
  },
];

/** Triggers (enum `WebhookTriggerEvents`) a subscription may list; the sandbox emits the first three. */
export const CALCOM_WEBHOOK_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "BOOKING_REQUESTED",
  "BOOKING_REJECTED",
  "BOOKING_PAYMENT_INITIATED",
  "BOOKING_PAID",
  "BOOKING_NO_SHOW_UPDATED",
  "MEETING_STARTED",
  "MEETING_ENDED",
  "RECORDING_READY",
  "RECORDING_TRANSCRIPTION_GENERATED",
  "FORM_SUBMITTED",
  "FORM_SUBMITTED_NO_EVENT",
  "INSTANT_MEETING",
  "OOO_CREATED",
  "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
  "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
  "WRONG_ASSIGNMENT_REPORT",
  "DELEGATION_CREDENTIAL_ERROR",
] as const;

export type CalcomWebhookTrigger = (typeof CALCOM_WEBHOOK_TRIGGERS)[number];
