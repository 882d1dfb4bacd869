import { afterEach, describe, expect, it } from "vitest";
import type { SandboxServer } from "../../server";
import { callCalcom, startCalcom } from "./test-support";

describe("calcom sandbox: rate limit", () => {
  let sandbox: SandboxServer | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it("sends the X-RateLimit-*-Default headers on every response, 401s included", async () => {
    sandbox = await startCalcom({ rateLimit: 50 });
    const ok = await callCalcom(sandbox, "/v2/bookings");
    expect(ok.headers.get("x-ratelimit-limit-default")).toBe("50");
    expect(ok.headers.get("x-ratelimit-remaining-default")).toBe("49");
    const reset = Number(ok.headers.get("x-ratelimit-reset-default"));
    const nowSeconds = sandbox.context.clock.nowMs() / 1000;
    expect(reset).toBeGreaterThan(nowSeconds);
    expect(reset).toBeLessThanOrEqual(Math.ceil(nowSeconds) + 60);
    const unauthorized = await callCalcom(sandbox, "/v2/bookings", { key: "cal_wrong" });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("x-ratelimit-remaining-default")).toBe("49");
    expect((await callCalcom(sandbox, "/v2/bookings")).headers.get("x-ratelimit-remaining-default")).toBe("48");
  });

  it("answers 429 with Cal.com's throttler body over the limit, until the window ends", async () => {
    sandbox = await startCalcom({ rateLimit: 2 });
    expect((await callCalcom(sandbox, "/v2/bookings")).status).toBe(200);
    expect((await callCalcom(sandbox, "/v2/webhooks")).status).toBe(200);
    const limited = await callCalcom(sandbox, "/v2/bookings");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      status: "error",
      path: "/v2/bookings",
      error: { code: "ThrottlerException", message: "Too many requests. Please try again later." },
    });
    expect(limited.headers.get("x-ratelimit-remaining-default")).toBe("0");
    sandbox.context.clock.advance(61_000);
    expect((await callCalcom(sandbox, "/v2/bookings")).status).toBe(200);
  });

  it("can report the reset as seconds remaining, as Cal.com's throttler source does", async () => {
    sandbox = await startCalcom({ rateLimitReset: "seconds-remaining" });
    const response = await callCalcom(sandbox, "/v2/bookings");
    expect(response.headers.get("x-ratelimit-reset-default")).toBe("60");
  });
});
