import { describe, expect, it } from "vitest";
import { badgeClassName, flowStatusBadge, runOutcomeBadge, statusToggle, versionLabel } from "./flow-labels";

describe("flowStatusBadge", () => {
  it("names the three states the list shows", () => {
    expect(flowStatusBadge("active")).toEqual({ label: "Active", tone: "ok" });
    expect(flowStatusBadge("paused")).toEqual({ label: "Paused", tone: "warn" });
    expect(flowStatusBadge("draft")).toEqual({ label: "Draft only", tone: "neutral" });
  });
});

describe("runOutcomeBadge", () => {
  it.each<[string, string, string]>([
    ["succeeded", "Succeeded", "ok"],
    ["failed", "Failed", "danger"],
    ["needs_attention", "Needs attention", "danger"],
    ["running", "Running", "neutral"],
    ["canceled", "Canceled", "neutral"],
  ])("%s shows as %s", (status, label, tone) => {
    expect(runOutcomeBadge(status)).toEqual({ label, tone });
  });

  it("shows a status it does not know as words, not as a raw key", () => {
    expect(runOutcomeBadge("partially_replayed")).toEqual({ label: "Partially replayed", tone: "neutral" });
  });
});

describe("badgeClassName", () => {
  it("adds the tone class only when there is a tone", () => {
    expect(badgeClassName("neutral")).toBe("ho-badge");
    expect(badgeClassName("danger")).toBe("ho-badge ho-badge-danger");
  });
});

describe("versionLabel", () => {
  it("prefixes published versions and dashes unpublished flows", () => {
    expect(versionLabel(3)).toBe("v3");
    expect(versionLabel(null)).toBe("—");
  });
});

describe("statusToggle", () => {
  it("pauses an active flow and resumes a paused one", () => {
    expect(statusToggle("active")).toEqual({ verb: "Pause", busyText: "Pausing…", next: "paused" });
    expect(statusToggle("paused")).toEqual({ verb: "Resume", busyText: "Resuming…", next: "active" });
  });

  it("offers nothing for a draft, which has no version to resume", () => {
    expect(statusToggle("draft")).toBeNull();
  });
});
