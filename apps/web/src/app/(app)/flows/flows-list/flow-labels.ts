import type { FlowStatus } from "./types";

export type BadgeTone = "neutral" | "ok" | "warn" | "danger";

export interface BadgeLabel {
  label: string;
  tone: BadgeTone;
}

const FLOW_STATUS_BADGES = {
  active: { label: "Active", tone: "ok" },
  // Paused flows drop incoming events, which is worth noticing on a list.
  paused: { label: "Paused", tone: "warn" },
  draft: { label: "Draft only", tone: "neutral" },
} as const satisfies Record<FlowStatus, BadgeLabel>;

export function flowStatusBadge(status: FlowStatus): BadgeLabel {
  return FLOW_STATUS_BADGES[status];
}

/** The run statuses of the database enum; the list API types them as plain strings. */
const RUN_OUTCOME_BADGES: Readonly<Record<string, BadgeLabel>> = {
  queued: { label: "Queued", tone: "neutral" },
  running: { label: "Running", tone: "neutral" },
  waiting: { label: "Waiting", tone: "neutral" },
  succeeded: { label: "Succeeded", tone: "ok" },
  failed: { label: "Failed", tone: "danger" },
  needs_attention: { label: "Needs attention", tone: "danger" },
  canceled: { label: "Canceled", tone: "neutral" },
};

/** A status added to the enum later still shows, readably, rather than as a raw key. */
export function runOutcomeBadge(status: string): BadgeLabel {
  const known = RUN_OUTCOME_BADGES[status];
  if (known) return known;
  const words = status.replaceAll("_", " ").trim();
  return { label: words.charAt(0).toUpperCase() + words.slice(1), tone: "neutral" };
}

export function badgeClassName(tone: BadgeTone): string {
  return tone === "neutral" ? "ho-badge" : `ho-badge ho-badge-${tone}`;
}

/** "v3" for the published version; an em dash for a flow never published. */
export function versionLabel(version: number | null): string {
  return version === null ? "—" : `v${version}`;
}

export interface StatusToggle {
  /** The button's visible text. */
  verb: "Pause" | "Resume";
  /** Its text while the change is on its way. */
  busyText: "Pausing…" | "Resuming…";
  /** What `flows.setStatus` is asked for. */
  next: "active" | "paused";
}

/**
 * Pause for an active flow, Resume for a paused one. A draft has nothing to resume (the server
 * refuses to activate a flow never published), so it gets neither.
 */
export function statusToggle(status: FlowStatus): StatusToggle | null {
  switch (status) {
    case "active":
      return { verb: "Pause", busyText: "Pausing…", next: "paused" };
    case "paused":
      return { verb: "Resume", busyText: "Resuming…", next: "active" };
    case "draft":
      return null;
  }
}
