import { z } from "zod";
import type { SandboxResponse } from "../../types";
import { toBookingOutput } from "./booking-output";
import { CALCOM_SANDBOX_EVENT_TYPES, CALCOM_SANDBOX_ORGANIZER } from "./fixtures";
import type { CalcomStore } from "./store";
import { isIanaTimeZone, parseIsoInstant } from "./time";
import type { BookingOutcome, BookingRecord } from "./types";

/**
 * Scripted customer actions on the public booking page (`POST /_sandbox/calcom/<action>`), which
 * fire the same webhooks as the API. Answers are plain `{error}` bodies, not Cal.com envelopes:
 * this is the sandbox's own surface, used by the CLI.
 */

const start = z
  .string({ error: "start must be an ISO 8601 date-time" })
  .refine((value) => parseIsoInstant(value) !== undefined, { error: "start must be an ISO 8601 date-time" })
  .transform((value) => parseIsoInstant(value) as Date);

const ZBook = z.object({
  email: z.email({ error: "email must be an e-mail address" }),
  name: z.string({ error: "name is required" }).trim().min(1, { error: "name is required" }),
  start,
  timeZone: z
    .string({ error: "timeZone must be an IANA time zone such as Europe/Paris" })
    .refine(isIanaTimeZone, { error: "timeZone must be an IANA time zone such as Europe/Paris" })
    .optional(),
  service: z.string({ error: "service must be an event type title or slug" }).optional(),
  phone: z
    .string({ error: "phone must be in international format, e.g. +33612345678" })
    .regex(/^\+[1-9]\d{6,14}$/, { error: "phone must be in international format, e.g. +33612345678" })
    .optional(),
});

const uid = z.string({ error: "uid is required" }).min(1, { error: "uid is required" });
const ZReschedule = z.object({ uid, start });
const ZCancel = z.object({ uid, reason: z.string({ error: "reason must be a string" }).optional() });

const answer = (status: number, body: unknown): SandboxResponse => ({ status, body });

function parse<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; response: SandboxResponse } {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, response: answer(400, { error: parsed.error.issues[0]?.message ?? "invalid body" }) };
}

function reply(store: CalcomStore, outcome: BookingOutcome<BookingRecord>, status: number): SandboxResponse {
  if (outcome.ok) return answer(status, toBookingOutput(store, outcome.value));
  const code = { "not-found": 404, invalid: 400, conflict: 409 }[outcome.refusal.kind];
  return answer(code, { error: outcome.refusal.message });
}

function book(store: CalcomStore, body: unknown): SandboxResponse {
  const parsed = parse(ZBook, body);
  if (!parsed.ok) return parsed.response;
  const input = parsed.value;
  const eventType = input.service ? store.eventTypeByName(input.service) : CALCOM_SANDBOX_EVENT_TYPES[0];
  if (!eventType) {
    const names = CALCOM_SANDBOX_EVENT_TYPES.map((type) => type.slug).join(", ");
    return answer(400, { error: `service: no event type "${input.service}" (try ${names})` });
  }
  const outcome = store.createBooking({
    eventType,
    start: input.start,
    attendee: {
      name: input.name,
      email: input.email,
      timeZone: input.timeZone ?? CALCOM_SANDBOX_ORGANIZER.timeZone,
      language: "en",
      phoneNumber: input.phone,
    },
  });
  return reply(store, outcome, 201);
}

export function runCalcomAdminAction(store: CalcomStore, action: string, body: unknown): SandboxResponse {
  switch (action) {
    case "book":
      return book(store, body);
    case "reschedule": {
      const parsed = parse(ZReschedule, body);
      if (!parsed.ok) return parsed.response;
      return reply(store, store.rescheduleBooking(parsed.value.uid, { start: parsed.value.start }), 200);
    }
    case "cancel": {
      const parsed = parse(ZCancel, body);
      if (!parsed.ok) return parsed.response;
      return reply(store, store.cancelBooking(parsed.value.uid, { reason: parsed.value.reason }), 200);
    }
    case "tick":
      return answer(200, {});
    default:
      return answer(404, { error: `no calcom action "${action}" (try book, reschedule, cancel, tick)` });
  }
}
