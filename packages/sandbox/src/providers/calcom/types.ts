import type { CalcomWebhookTrigger } from "./fixtures";

/** Lower-case, as API v2 reports it (webhooks use the upper-case Prisma enum). */
export type BookingStatus = "accepted" | "cancelled" | "rejected" | "pending";

export interface AttendeeRecord {
  name: string;
  email: string;
  timeZone: string;
  language: string;
  phoneNumber?: string;
}

export interface BookingRecord {
  id: number;
  uid: string;
  eventTypeId: number;
  title: string;
  description: string;
  status: BookingStatus;
  start: Date;
  end: Date;
  attendees: AttendeeRecord[];
  guests: string[];
  location: string;
  metadata: Record<string, string>;
  /** Extra booking-field answers the booker gave, by field slug. */
  bookingFieldsResponses: Record<string, unknown>;
  /** Kept across reschedules, as Cal.com does, with `iCalSequence` counting the moves. */
  iCalUID: string;
  iCalSequence: number;
  cancellationReason?: string;
  cancelledByEmail?: string;
  reschedulingReason?: string;
  rescheduledByEmail?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookSubscription {
  id: string;
  userId: number;
  subscriberUrl: string;
  triggers: CalcomWebhookTrigger[];
  active: boolean;
  payloadTemplate: string | null;
  payloadVersion: string;
  secret: string | null;
  createdAt: Date;
}

/** Why a booking operation was refused, independent of how the API or an admin action reports it. */
export type BookingRefusal =
  | { kind: "not-found"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "conflict"; message: string };

export type BookingOutcome<T> = { ok: true; value: T } | { ok: false; refusal: BookingRefusal };
