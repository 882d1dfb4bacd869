import { nextFireTimes } from "@handoff/connector-sdk";
import { describe, expect, it } from "vitest";
import { scheduleTrigger } from "./schedule-trigger";

describe("schedule trigger", () => {
  it("validates cron and time zone in its props", () => {
    const result = scheduleTrigger.props.safeParse({ cron: "0 9 * * 1-7x", timeZone: "Europe/Pariss" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["cron", "timeZone"]);
    expect(result.error?.issues[1]?.message).toBe('unknown time zone "Europe/Pariss"');
  });

  it("builds the run payload for a planned fire time", () => {
    const props = scheduleTrigger.props.parse({ cron: "0 9 * * 1-5", timeZone: "Europe/Paris" });
    const [first] = nextFireTimes(props.cron, props.timeZone, new Date("2025-03-28T12:00:00Z"), 1);
    expect(first).toEqual(new Date("2025-03-31T07:00:00Z")); // Monday 09:00 CEST, after the DST change
    if (!first) throw new Error("no fire time");
    expect(scheduleTrigger.payload({ scheduledFor: first, props })).toEqual({
      scheduledFor: "2025-03-31T07:00:00.000Z",
      cron: "0 9 * * 1-5",
      timeZone: "Europe/Paris",
    });
  });
});
