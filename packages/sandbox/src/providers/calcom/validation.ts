import { z } from "zod";
import { CALCOM_WEBHOOK_TRIGGERS, CALCOM_WEBHOOK_VERSION } from "./fixtures";
import { isIanaTimeZone, parseIsoInstant } from "./time";

/**
 * Request bodies of the emulated endpoints. Messages are class-validator's, prefixed with the
 * field path the way Nest's ValidationPipe reports nested fields, so a connector sees Cal.com's words.
 */

const isoDate = (field: string) =>
  z
    .string({ error: `${field} must be a valid ISO 8601 date string` })
    .refine((value) => parseIsoInstant(value) !== undefined, { error: `${field} must be a valid ISO 8601 date string` })
    .transform((value) => parseIsoInstant(value) as Date);

const email = (field: string) => z.email({ error: `${field} must be an email` });

const optionalString = (field: string) => z.string({ error: `${field} must be a string` }).optional();

const ZAttendee = z.object(
  {
    name: z
      .string({ error: "attendee.name must be a string" })
      .trim()
      .min(1, { error: "attendee.name should not be empty" }),
    email: email("attendee.email"),
    timeZone: z
      .string({ error: "attendee.timeZone must be a valid IANA time-zone" })
      .refine(isIanaTimeZone, { error: "attendee.timeZone must be a valid IANA time-zone" }),
    phoneNumber: z
      .string({ error: "attendee.phoneNumber must be a valid phone number" })
      .regex(/^\+[1-9]\d{6,14}$/, { error: "attendee.phoneNumber must be a valid phone number" })
      .optional(),
    language: optionalString("attendee.language"),
  },
  { error: "attendee must be an object" },
);

const ZLocation = z.union([z.string(), z.record(z.string(), z.unknown())], {
  error: "location must be a string or an object",
});

export const ZCreateBookingInput = z
  .object(
    {
      start: isoDate("start"),
      eventTypeId: z.int({ error: "eventTypeId must be an integer number" }).optional(),
      eventTypeSlug: optionalString("eventTypeSlug"),
      username: optionalString("username"),
      teamSlug: optionalString("teamSlug"),
      organizationSlug: optionalString("organizationSlug"),
      attendee: ZAttendee,
      guests: z.array(email("each value in guests"), { error: "guests must be an array" }).optional(),
      location: ZLocation.optional(),
      metadata: z.record(z.string(), z.string(), { error: "metadata must be an object with string values" }).optional(),
      bookingFieldsResponses: z
        .record(z.string(), z.unknown(), { error: "bookingFieldsResponses must be an object" })
        .optional(),
      lengthInMinutes: z.int({ error: "lengthInMinutes must be an integer number" }).optional(),
    },
    { error: "The request body must be a JSON object" },
  )
  .refine((body) => body.eventTypeId !== undefined || (body.eventTypeSlug && (body.username || body.teamSlug)), {
    error:
      "Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided to identify the event type",
  });

export type CreateBookingInput = z.infer<typeof ZCreateBookingInput>;

export const ZRescheduleBookingInput = z.object(
  {
    start: isoDate("start"),
    reschedulingReason: optionalString("reschedulingReason"),
    rescheduledBy: email("rescheduledBy").optional(),
  },
  { error: "The request body must be a JSON object" },
);

export const ZCancelBookingInput = z.object(
  { cancellationReason: optionalString("cancellationReason") },
  { error: "The request body must be a JSON object" },
);

const ZSubscriberUrl = z
  .string({ error: "subscriberUrl must be a URL address" })
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    error: "subscriberUrl must be a URL address",
  });

const ZTriggers = z.array(
  z.enum(CALCOM_WEBHOOK_TRIGGERS, {
    error: `each value in triggers must be one of the following values: ${CALCOM_WEBHOOK_TRIGGERS.join(", ")}`,
  }),
  { error: "triggers must be an array" },
);

const webhookFields = {
  subscriberUrl: ZSubscriberUrl,
  triggers: ZTriggers,
  active: z.boolean({ error: "active must be a boolean value" }),
  secret: z.string({ error: "secret must be a string" }).nullable(),
  payloadTemplate: z.string({ error: "payloadTemplate must be a string" }).nullable(),
  // Cal.com's DTO calls it `version`; both spellings are accepted.
  payloadVersion: z.literal(CALCOM_WEBHOOK_VERSION, {
    error: `payloadVersion must be one of the following values: ${CALCOM_WEBHOOK_VERSION}`,
  }),
  version: z.literal(CALCOM_WEBHOOK_VERSION, {
    error: `version must be one of the following values: ${CALCOM_WEBHOOK_VERSION}`,
  }),
};

export const ZCreateWebhookInput = z.object(
  {
    subscriberUrl: webhookFields.subscriberUrl,
    triggers: webhookFields.triggers,
    active: webhookFields.active.optional(),
    secret: webhookFields.secret.optional(),
    payloadTemplate: webhookFields.payloadTemplate.optional(),
    payloadVersion: webhookFields.payloadVersion.optional(),
    version: webhookFields.version.optional(),
  },
  { error: "The request body must be a JSON object" },
);

export const ZUpdateWebhookInput = ZCreateWebhookInput.partial();

/** The first problem, in Cal.com's wording (the schemas above carry full messages). */
export function firstIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  return issue ? issue.message : "Bad Request";
}

/** Parses a JSON body; an empty body is `{}` (Express with no body gives an empty object). */
export function parseJsonBody(rawBody: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (rawBody.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(rawBody.toString("utf8")) as unknown };
  } catch {
    return { ok: false };
  }
}
