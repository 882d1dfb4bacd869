import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { CALCOM_SANDBOX_ORGANIZER } from "@handoff/sandbox/calcom";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getBookingAction } from "./get-booking";
import {
  addFault,
  resetSandbox,
  sandboxAction,
  sandboxConnection,
  sandboxRequests,
  startCalcomSandbox,
} from "./test-support";

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startCalcomSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox));

const THROTTLED = {
  status: "error",
  timestamp: "2030-01-01T00:00:00.000Z",
  path: "/v2/bookings",
  error: { code: "ThrottlerException", message: "Too many requests. Please try again later." },
};

async function book() {
  return sandboxAction(sandbox, "book", {
    email: "jane.roe@example.com",
    name: "Jane Roe",
    timeZone: "Europe/Paris",
    start: "2030-01-15T14:00:00Z",
    phone: "+33612345678",
  });
}

function getBooking(uid: string, token?: string) {
  return runAction(getBookingAction, { props: { uid }, connection: sandboxConnection(sandbox, token) });
}

async function failureOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe("get-booking against the sandbox", () => {
  it("reads the booking with the pinned bookings API version", async () => {
    const booked = await book();
    const { output, logs } = await getBooking(` ${booked.uid} `);
    expect(output).toMatchObject({
      uid: booked.uid,
      id: booked.id,
      status: "accepted",
      start: "2030-01-15T14:00:00.000Z",
      end: "2030-01-15T14:45:00.000Z",
      duration: 45,
      eventType: { id: 501, slug: "haircut" },
      hosts: [expect.objectContaining({ email: CALCOM_SANDBOX_ORGANIZER.email })],
      attendees: [expect.objectContaining({ email: "jane.roe@example.com", timeZone: "Europe/Paris" })],
    });
    expect(logs).toEqual([{ message: "HTTP", data: expect.objectContaining({ status: 200, attempt: 1 }) }]);
  });

  it("answers a missing booking with a final not_found carrying Cal.com's message", async () => {
    const error = await failureOf(getBooking("no-such-booking"));
    expect(error).toMatchObject({
      code: "not_found",
      kind: "final",
      status: 404,
      providerMessage: "Booking with uid=no-such-booking not found",
    });
    expect(error.message).toContain("Booking with uid=no-such-booking not found");
  });

  it("fails for good on a bad API key, without retrying", async () => {
    const error = await failureOf(getBooking("whatever", "cal_not_the_key"));
    expect(error).toMatchObject({
      code: "auth",
      kind: "final",
      status: 401,
      providerMessage: "ApiAuthStrategy - api key - Your api key is not valid",
    });
    expect(await sandboxRequests(sandbox)).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After, then succeeds", async () => {
    const booked = await book();
    await addFault(sandbox, {
      pathPrefix: "/v2/bookings",
      times: 1,
      status: 429,
      headers: { "Retry-After": "1" },
      body: THROTTLED,
    });
    const started = Date.now();
    const { output, logs } = await getBooking(booked.uid);
    expect(output.uid).toBe(booked.uid);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(logs.map((entry) => entry.data?.status)).toEqual([429, 200]);
  });

  it("hands a long Retry-After to the engine as a retriable error instead of sleeping", async () => {
    await addFault(sandbox, {
      pathPrefix: "/v2/bookings",
      times: 1,
      status: 429,
      headers: { "Retry-After": "120" },
      body: THROTTLED,
    });
    const error = await failureOf(getBooking("any"));
    expect(error).toMatchObject({
      code: "rate_limited",
      kind: "retriable",
      retryAfterMs: 120_000,
      providerMessage: "Too many requests. Please try again later.",
    });
  });

  it("retries a 5xx and succeeds; gives up retriable after repeated 5xx", async () => {
    const booked = await book();
    await addFault(sandbox, { pathPrefix: "/v2/bookings", times: 2, status: 502, body: "Bad Gateway" });
    const { output, logs } = await getBooking(booked.uid);
    expect(output.uid).toBe(booked.uid);
    expect(logs.map((entry) => entry.data?.status)).toEqual([502, 502, 200]);

    await addFault(sandbox, {
      pathPrefix: "/v2/bookings",
      times: 3,
      status: 500,
      body: { status: "error", error: { code: "InternalServerErrorException", message: "Internal server error" } },
    });
    const error = await failureOf(getBooking(booked.uid));
    expect(error).toMatchObject({ code: "server_error", kind: "retriable", providerMessage: "Internal server error" });
  });

  it("needs a connection and a uid", async () => {
    await expect(runAction(getBookingAction, { props: { uid: "x" } })).rejects.toMatchObject({ code: "auth" });
    expect(getBookingAction.props.safeParse({ uid: "  " }).success).toBe(false);
  });
});
