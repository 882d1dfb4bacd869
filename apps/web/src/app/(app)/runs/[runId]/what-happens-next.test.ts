import { describe, expect, it } from "vitest";
import { readRecordedError } from "./run-error";
import { whatHappensNext } from "./what-happens-next";

const formatTime = (iso: string) => `<${iso}>`;
const next = (runStatus: string, error: unknown, attempt: number | null = null) =>
  whatHappensNext({ runStatus, error: readRecordedError(error), attempt, formatTime });

describe("what Handoff will do next", () => {
  it("tells the retry time of a run waiting out a retriable error", () => {
    expect(
      next(
        "waiting",
        {
          kind: "retriable",
          code: "server_error",
          message: "503",
          retryAt: "2025-03-01T10:00:00Z",
          nodeLabel: "Create invoice",
        },
        2,
      ),
    ).toBe("Handoff will retry “Create invoice” at <2025-03-01T10:00:00Z> (attempt 3).");
    expect(next("waiting", { waitingUntil: "2025-03-02T08:00:00Z", stepKey: "delay" })).toBe(
      "Waiting for a delay: it continues at <2025-03-02T08:00:00Z>.",
    );
  });

  it("says which action fits a run that needs attention", () => {
    expect(next("needs_attention", { kind: "final", code: "validation", message: "bad email" })).toMatch(
      /refused the data.*Replay with an edited payload/,
    );
    expect(next("needs_attention", { kind: "final", code: "reconnect_needed", message: "token revoked" })).toMatch(
      /Reconnect it on the Connections page/,
    );
    expect(next("needs_attention", { kind: "retriable", code: "timeout", message: "slow", retryAt: null }, 5)).toBe(
      "Needs attention: Handoff tried 5 times and stopped retrying. Retry once the provider is back, or cancel it.",
    );
    expect(next("needs_attention", { nodeId: null, message: "not a valid flow document" })).toBe(
      "Needs attention: nothing happens until someone retries, replays or cancels it.",
    );
  });

  it("covers the other statuses, and a step the flow continued past", () => {
    expect(next("queued", null)).toMatch(/^Queued/);
    expect(next("failed", null)).toMatch(/^Failed for good/);
    expect(next("canceled", { kind: "final" })).toBe("Canceled: nothing more will happen.");
    expect(next("succeeded", null)).toBeNull();
    expect(next("succeeded", { kind: "final", code: "not_found", message: "gone" })).toMatch(/continue on error/);
  });

  it("reads whatever was recorded without trusting its shape", () => {
    expect(readRecordedError(null)).toBeNull();
    expect(readRecordedError("boom")).toBeNull();
    expect(readRecordedError({ kind: "maybe", status: "500", message: 3, providerMessage: "Invalid email" })).toEqual({
      kind: null,
      code: null,
      message: null,
      providerMessage: "Invalid email",
      status: null,
      retryAt: null,
      waitingUntil: null,
      nodeLabel: null,
      attempt: null,
    });
  });
});
