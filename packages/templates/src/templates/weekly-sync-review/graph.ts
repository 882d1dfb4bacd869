import type { FlowDocument } from "@handoff/flow-core";
import { action, chain, trigger } from "../../graph-builders";

/** Mondays at 08:00. The zone is the workspace's, set on install (UTC until then). */
export const MONDAY_MORNING = "0 8 * * 1";

export const graph: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    trigger("weekly", "core", "schedule", "Every Monday 08:00", { cron: MONDAY_MORNING, timeZone: "UTC" }),
    action("review", "core", "sync-review", "Review the week", { days: 7 }, { row: 1 }),
    action(
      "mail",
      "email",
      "send-email",
      "E-mail the mapping owner",
      {
        from: "Handoff <handoff@example.com>",
        // The workspace's mapping owner (Settings → Workspace); the step fails, visibly, when none is set.
        to: "{{ steps.review.mappingOwnerEmail }}",
        subject: "{{ steps.review.subject }}",
        text: "{{ steps.review.text }}",
        html: "{{ steps.review.html }}",
      },
      { row: 2 },
    ),
  ],
  edges: chain("weekly", "review", "mail"),
};
