import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { RateLimitResetFormat } from "@handoff/sandbox/calcom";
import { describe, expect, it } from "vitest";
import { calcomProviderMessage, calcomRateLimitWaitMs } from "./client";
import { getBookingAction } from "./get-booking";
import { sandboxConnection, startCalcomSandbox } from "./test-support";

const NOW = Date.parse("2030-01-15T14:00:00Z");

describe("Cal.com rate-limit headers", () => {
  it("reads X-RateLimit-Reset-Default as epoch seconds or as seconds left, once the window is used up", () => {
    const headers = (remaining: string | undefined, reset: string | undefined) => {
      const result = new Headers();
      if (remaining !== undefined) result.set("X-RateLimit-Remaining-Default", remaining);
      if (reset !== undefined) result.set("X-RateLimit-Reset-Default", reset);
      return result;
    };
    expect(calcomRateLimitWaitMs(headers("0", String(NOW / 1000 + 42)), NOW)).toBe(42_000);
    expect(calcomRateLimitWaitMs(headers("0", "17"), NOW)).toBe(17_000);
    expect(calcomRateLimitWaitMs(headers(undefined, "17"), NOW)).toBe(17_000);
    expect(calcomRateLimitWaitMs(headers("0", String(NOW / 1000 - 5)), NOW)).toBe(0);
    expect(calcomRateLimitWaitMs(headers("12", "17"), NOW)).toBeUndefined();
    expect(calcomRateLimitWaitMs(headers("0", "soon"), NOW)).toBeUndefined();
    expect(calcomRateLimitWaitMs(headers(undefined, undefined), NOW)).toBeUndefined();
  });

  it.each<RateLimitResetFormat>(["epoch-seconds", "seconds-remaining"])(
    "hands the sandbox throttler's window (%s) to the engine as retryAfterMs",
    async (format) => {
      const sandbox = await startCalcomSandbox({ rateLimit: 1, rateLimitReset: format });
      try {
        const connection = sandboxConnection(sandbox);
        await expect(runAction(getBookingAction, { props: { uid: "first" }, connection })).rejects.toMatchObject({
          code: "not_found",
        });
        const error = await runAction(getBookingAction, { props: { uid: "second" }, connection }).catch(
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(ConnectorError);
        expect(error).toMatchObject({
          code: "rate_limited",
          kind: "retriable",
          status: 429,
          providerMessage: "Too many requests. Please try again later.",
        });
        const wait = (error as ConnectorError).retryAfterMs ?? 0;
        expect(wait).toBeGreaterThan(55_000);
        expect(wait).toBeLessThanOrEqual(61_000);
      } finally {
        await sandbox.close();
      }
    },
  );
});

describe("Cal.com error messages", () => {
  it("takes error.message from the error envelope, else the exception name, else the usual places", () => {
    expect(
      calcomProviderMessage({
        status: "error",
        timestamp: "2030-01-01T00:00:00.000Z",
        path: "/v2/bookings/x",
        error: { code: "NotFoundException", message: "Booking with uid=x not found", details: {} },
      }),
    ).toBe("Booking with uid=x not found");
    expect(calcomProviderMessage({ status: "error", error: { code: "BadRequestException", message: "" } })).toBe(
      "BadRequestException",
    );
    expect(calcomProviderMessage({ message: "Unauthorized" })).toBe("Unauthorized");
    expect(calcomProviderMessage("Bad Gateway")).toBe("Bad Gateway");
  });
});
