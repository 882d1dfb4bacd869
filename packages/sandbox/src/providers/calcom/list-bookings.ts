import { type CalcomFailure, failure } from "./errors";
import { parseIsoInstant } from "./time";
import type { BookingRecord } from "./types";

const STATUSES = ["upcoming", "recurring", "past", "cancelled", "unconfirmed"] as const;
type StatusFilter = (typeof STATUSES)[number];
type SortOrder = "asc" | "desc";

export const DEFAULT_TAKE = 100;
export const MAX_TAKE = 250;

export interface BookingsQuery {
  statuses?: StatusFilter[];
  attendeeEmail?: string;
  attendeeName?: string;
  bookingUid?: string;
  eventTypeIds?: number[];
  afterStart?: Date;
  beforeEnd?: Date;
  afterCreatedAt?: Date;
  beforeCreatedAt?: Date;
  afterUpdatedAt?: Date;
  beforeUpdatedAt?: Date;
  sort?: { field: "start" | "end" | "createdAt" | "updatedAt"; order: SortOrder };
  take: number;
  skip: number;
}

// The messages are GetBookingsInput_2024_08_13's, including its "fromDate"/"toDate" slips.
const DATE_FILTERS = [
  ["afterStart", "fromDate"],
  ["beforeEnd", "toDate"],
  ["afterCreatedAt", "fromDate"],
  ["beforeCreatedAt", "toDate"],
  ["afterUpdatedAt", "fromDate"],
  ["beforeUpdatedAt", "toDate"],
] as const;

const SORTS = [
  ["sortStart", "start", "SortStart"],
  ["sortEnd", "end", "SortEnd"],
  ["sortCreated", "createdAt", "SortCreated"],
  ["sortUpdatedAt", "updatedAt", "SortCreated"],
] as const;

/** `GET /v2/bookings` query parameters, validated as Cal.com does (400 on the first bad one). */
export function parseBookingsQuery(query: URLSearchParams): BookingsQuery | CalcomFailure {
  const parsed: BookingsQuery = { take: DEFAULT_TAKE, skip: 0 };
  const status = query.get("status");
  if (status !== null) {
    const statuses = status.split(",").map((value) => value.trim());
    if (!statuses.every((value): value is StatusFilter => (STATUSES as readonly string[]).includes(value)))
      return failure(
        "BadRequestException",
        "Invalid status. Allowed are upcoming, recurring, past, cancelled, unconfirmed",
      );
    parsed.statuses = statuses;
  }
  // Cal.com turns spaces back into "+", since an unencoded "+" in an e-mail arrives as a space.
  const attendeeEmail = query.get("attendeeEmail");
  if (attendeeEmail !== null) parsed.attendeeEmail = attendeeEmail.trim().replace(/\s+/g, "+");
  parsed.attendeeName = query.get("attendeeName") ?? undefined;
  parsed.bookingUid = query.get("bookingUid") ?? undefined;
  const ids = [query.get("eventTypeId"), query.get("eventTypeIds")].filter((value) => value !== null).join(",");
  if (ids) {
    const eventTypeIds = ids.split(",").map((value) => Number(value.trim()));
    if (!eventTypeIds.every(Number.isInteger))
      return failure("BadRequestException", "eventTypeId must be an integer number");
    parsed.eventTypeIds = eventTypeIds;
  }
  for (const [name, word] of DATE_FILTERS) {
    const value = query.get(name);
    if (value === null) continue;
    const at = parseIsoInstant(value);
    if (!at) return failure("BadRequestException", `${word} must be a valid ISO 8601 date.`);
    parsed[name] = at;
  }
  for (const [name, field, label] of SORTS) {
    const value = query.get(name);
    if (value === null) continue;
    if (value !== "asc" && value !== "desc")
      return failure("BadRequestException", `${label} must be either "asc" or "desc".`);
    parsed.sort ??= { field, order: value };
  }
  const take = integerParam(query, "take", 1, MAX_TAKE);
  if (typeof take === "object") return take;
  const skip = integerParam(query, "skip", 0, Number.MAX_SAFE_INTEGER);
  if (typeof skip === "object") return skip;
  parsed.take = take ?? DEFAULT_TAKE;
  parsed.skip = skip ?? 0;
  return parsed;
}

function integerParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined | CalcomFailure {
  const raw = query.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number.parseInt(raw, 10);
  if (Number.isNaN(value))
    return failure("BadRequestException", `${name} must be a number conforming to the specified constraints`);
  if (value < min) return failure("BadRequestException", `${name} must not be less than ${min}`);
  if (value > max) return failure("BadRequestException", `${name} must not be greater than ${max}`);
  return value;
}

/** Cal.com's status buckets: upcoming/past split on the end time, cancelled includes rejected. */
function inStatus(booking: BookingRecord, status: StatusFilter, now: Date): boolean {
  const live = booking.status === "accepted" || booking.status === "pending";
  switch (status) {
    case "upcoming":
      return live && booking.end >= now;
    case "past":
      return live && booking.end <= now;
    case "cancelled":
      return booking.status === "cancelled" || booking.status === "rejected";
    case "unconfirmed":
      return booking.status === "pending" && booking.end >= now;
    case "recurring":
      return false;
  }
}

export function filterBookings(bookings: readonly BookingRecord[], query: BookingsQuery, now: Date): BookingRecord[] {
  const email = query.attendeeEmail?.toLowerCase();
  const matches = bookings.filter(
    (booking) =>
      (!query.statuses || query.statuses.some((status) => inStatus(booking, status, now))) &&
      (!email || booking.attendees.some((attendee) => attendee.email.toLowerCase() === email)) &&
      (!query.attendeeName || booking.attendees.some((attendee) => attendee.name === query.attendeeName)) &&
      (!query.bookingUid || booking.uid === query.bookingUid) &&
      (!query.eventTypeIds || query.eventTypeIds.includes(booking.eventTypeId)) &&
      (!query.afterStart || booking.start >= query.afterStart) &&
      (!query.beforeEnd || booking.end <= query.beforeEnd) &&
      (!query.afterCreatedAt || booking.createdAt >= query.afterCreatedAt) &&
      (!query.beforeCreatedAt || booking.createdAt <= query.beforeCreatedAt) &&
      (!query.afterUpdatedAt || booking.updatedAt >= query.afterUpdatedAt) &&
      (!query.beforeUpdatedAt || booking.updatedAt <= query.beforeUpdatedAt),
  );
  const { field, order } = query.sort ?? { field: "start", order: "asc" };
  const sign = order === "asc" ? 1 : -1;
  return matches.sort((a, b) => sign * (a[field].getTime() - b[field].getTime()) || a.id - b.id);
}

/** Cal.com's `getPagination`: counts from skip/take, with skip clamped to the total. */
export function paginationMeta(totalItems: number, skip: number, take: number) {
  const safeSkip = Math.min(Math.max(skip, 0), totalItems);
  const totalPages = Math.ceil(totalItems / take);
  return {
    returnedItems: Math.min(Math.max(totalItems - safeSkip, 0), take),
    totalItems,
    itemsPerPage: take,
    remainingItems: Math.min(Math.max(totalItems - (safeSkip + take), 0), totalItems),
    currentPage: totalPages === 0 ? 0 : Math.min(Math.max(Math.floor(safeSkip / take) + 1, 1), totalPages),
    totalPages,
    hasNextPage: safeSkip + take < totalItems,
    hasPreviousPage: safeSkip > 0,
  };
}
