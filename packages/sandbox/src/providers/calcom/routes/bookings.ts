import { toBookingOutput } from "../booking-output";
import { type CalcomFailure, failure } from "../errors";
import { CALCOM_SANDBOX_ORGANIZER, type CalcomEventType } from "../fixtures";
import { filterBookings, paginationMeta, parseBookingsQuery } from "../list-bookings";
import {
  type CreateBookingInput,
  ZCancelBookingInput,
  ZCreateBookingInput,
  ZRescheduleBookingInput,
} from "../validation";
import { isFailure, type RouteContext, type RouteResult, readBody, refusalFailure, success } from "./context";

/** ErrorsBookingsService_2024_08_13's messages for an event type it cannot find. */
function resolveEventType(ctx: RouteContext, body: CreateBookingInput): CalcomEventType | CalcomFailure {
  if (body.eventTypeId !== undefined) {
    return (
      ctx.store.eventTypeById(body.eventTypeId) ??
      failure("NotFoundException", `Event type with id ${body.eventTypeId} not found.`)
    );
  }
  const slug = body.eventTypeSlug ?? "";
  if (body.teamSlug)
    return failure("NotFoundException", `Event type with slug ${slug} belonging to team ${body.teamSlug} not found.`);
  const eventType = body.username === CALCOM_SANDBOX_ORGANIZER.username ? ctx.store.eventTypeByName(slug) : undefined;
  return eventType?.slug === slug
    ? eventType
    : failure("NotFoundException", `Event type with slug ${slug} belonging to user ${body.username} not found.`);
}

function locationText(location: CreateBookingInput["location"]): string | undefined {
  if (location === undefined || typeof location === "string") return location;
  const value = location.address ?? location.link ?? location.phone ?? location.type;
  return typeof value === "string" ? value : undefined;
}

export function createBooking(ctx: RouteContext): RouteResult {
  const parsed = readBody(ctx, ZCreateBookingInput);
  if (!parsed.ok) return parsed.failure;
  const body = parsed.value;
  const eventType = resolveEventType(ctx, body);
  if (isFailure(eventType)) return eventType;
  if (body.lengthInMinutes !== undefined && body.lengthInMinutes !== eventType.length)
    return failure(
      "BadRequestException",
      "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.",
    );
  const outcome = ctx.store.createBooking({
    eventType,
    start: body.start,
    attendee: {
      name: body.attendee.name,
      email: body.attendee.email,
      timeZone: body.attendee.timeZone,
      language: body.attendee.language ?? "en",
      phoneNumber: body.attendee.phoneNumber,
    },
    guests: body.guests,
    location: locationText(body.location),
    metadata: body.metadata,
    bookingFieldsResponses: body.bookingFieldsResponses,
  });
  if (!outcome.ok) return refusalFailure(outcome.refusal);
  return success(201, toBookingOutput(ctx.store, outcome.value));
}

export function listBookings(ctx: RouteContext): RouteResult {
  const query = parseBookingsQuery(ctx.request.query);
  if (isFailure(query)) return query;
  const matches = filterBookings(ctx.store.bookings, query, ctx.clock.now());
  const page = matches.slice(query.skip, query.skip + query.take);
  return success(
    200,
    page.map((booking) => toBookingOutput(ctx.store, booking)),
    { pagination: paginationMeta(matches.length, query.skip, query.take) },
  );
}

export function getBooking(ctx: RouteContext, uid: string): RouteResult {
  const booking = ctx.store.findBooking(uid);
  if (!booking) return failure("NotFoundException", `Booking with uid=${uid} not found`);
  return success(200, toBookingOutput(ctx.store, booking));
}

export function rescheduleBooking(ctx: RouteContext, uid: string): RouteResult {
  const parsed = readBody(ctx, ZRescheduleBookingInput);
  if (!parsed.ok) return parsed.failure;
  const body = parsed.value;
  const outcome = ctx.store.rescheduleBooking(uid, {
    start: body.start,
    reason: body.reschedulingReason,
    rescheduledBy: body.rescheduledBy ?? CALCOM_SANDBOX_ORGANIZER.email,
  });
  if (!outcome.ok) return refusalFailure(outcome.refusal);
  return success(201, toBookingOutput(ctx.store, outcome.value));
}

export function cancelBooking(ctx: RouteContext, uid: string): RouteResult {
  const parsed = readBody(ctx, ZCancelBookingInput);
  if (!parsed.ok) return parsed.failure;
  const body = parsed.value;
  // Cancelled with the API key, so by its owner, as Cal.com records it.
  const outcome = ctx.store.cancelBooking(uid, {
    reason: body.cancellationReason,
    cancelledBy: CALCOM_SANDBOX_ORGANIZER.email,
  });
  if (!outcome.ok) return refusalFailure(outcome.refusal);
  return success(200, toBookingOutput(ctx.store, outcome.value));
}
