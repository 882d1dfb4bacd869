import type { Database } from "@handoff/db";
import type { RunServices } from "@handoff/engine";
import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { createTaskList, crontab } from "./index";

describe("worker crontab", () => {
  const tasks = createTaskList({ db: {} as Database, log: () => {}, services: {} as RunServices });

  it("names only tasks the worker knows, each at most once per tick", () => {
    const items = parseCrontab(crontab);
    for (const item of items) {
      expect(Object.keys(tasks), `crontab task ${item.task}`).toContain(item.task);
      expect(item.options.maxAttempts).toBe(1);
    }
  });

  it("prunes run history hourly", () => {
    const prune = parseCrontab(crontab).find((item) => item.task === "prune_run_history");
    expect(prune?.match).toBeDefined();
    // Minute 17 of every hour, every day.
    const matches = (date: string) => {
      const at = new Date(date);
      const digest = {
        min: at.getUTCMinutes(),
        hour: at.getUTCHours(),
        date: at.getUTCDate(),
        month: at.getUTCMonth() + 1,
        dow: at.getUTCDay(),
      };
      return typeof prune?.match === "function" ? prune.match(digest) : false;
    };
    expect(matches("2026-03-09T08:17:00Z")).toBe(true);
    expect(matches("2026-03-09T23:17:00Z")).toBe(true);
    expect(matches("2026-03-09T08:00:00Z")).toBe(false);
  });
});
