import { describe, expect, it } from "vitest";
import { type DescribableAuditEntry, describeAuditEntry } from "./describe-audit-entry";

const entry = (over: Partial<DescribableAuditEntry>): DescribableAuditEntry => ({
  action: "x.y",
  targetType: "flow",
  targetId: "7f1c2d3e-0000-4000-8000-000000000000",
  targetLabel: null,
  before: null,
  after: null,
  ...over,
});

describe("describeAuditEntry", () => {
  it.each<[Partial<DescribableAuditEntry>, string]>([
    [
      { action: "user.invited", targetType: "user", after: { email: "ana@x.test", role: "viewer" } },
      "invited ana@x.test as Bookkeeper",
    ],
    [
      {
        action: "user.role_changed",
        targetLabel: "ana@x.test",
        before: { role: "viewer" },
        after: { role: "editor" },
      },
      "changed the role of “ana@x.test” from Bookkeeper to Office manager",
    ],
    [
      { action: "user.removed", targetType: "user", before: { email: "ben@x.test", role: "operator" } },
      "removed ben@x.test from the workspace",
    ],
    [
      { action: "flow.renamed", targetLabel: "Now", before: { name: "Old" }, after: { name: "New" } },
      "renamed flow “Old” to “New”",
    ],
    [
      { action: "connection.deleted", targetType: "connection", before: { name: "Stripe live" } },
      "deleted connection “Stripe live”",
    ],
    [{ action: "flow.published", targetLabel: "Bookings", after: { number: 3 } }, "published flow “Bookings” v3"],
    [
      { action: "flow.rolled_back", targetLabel: "Bookings", after: { rolledBackTo: 1, number: 4 } },
      "rolled flow “Bookings” back to v1 (published as v4)",
    ],
    [
      {
        action: "flow.saved",
        targetLabel: "Bookings",
        after: { nodesAdded: ["a"], nodesRemoved: [], nodesChanged: ["b", "c"] },
      },
      "saved the draft of flow “Bookings”: 1 step added, 2 steps changed",
    ],
    [
      { action: "flow.saved", targetLabel: "Bookings", after: { nodesMoved: ["a"] } },
      "saved the draft of flow “Bookings”",
    ],
    [
      { action: "run.replay_payload_edited", targetType: "run" },
      "replayed run 7f1c2d3e with an edited trigger payload",
    ],
    [
      { action: "run.replayed", targetType: "run", after: { fromNodeId: "invoice" } },
      "replayed run 7f1c2d3e from step invoice",
    ],
    [
      { action: "attention.assigned", targetType: "identity_review", after: { assignedTo: "u1" } },
      "assigned identity conflict 7f1c2d3e in the needs-attention queue",
    ],
    [
      { action: "attention.dismissed", targetType: "rejected_delivery" },
      "dismissed rejected delivery 7f1c2d3e from the needs-attention queue",
    ],
    [
      {
        action: "identity_review.resolved",
        targetType: "identity_review",
        after: { decision: "same_as", provider: "hubspot", externalId: "1001" },
      },
      "settled identity conflict 7f1c2d3e: the hubspot record 1001 is the customer",
    ],
    [{ action: "queue.item_dismissed", targetType: "queue_item", targetId: "q1" }, "item dismissed: queue item q1"],
  ])("%o reads “%s”", (over, sentence) => {
    expect(describeAuditEntry(entry(over))).toBe(sentence);
  });

  it("does not trust the shape of before/after", () => {
    expect(
      describeAuditEntry(entry({ action: "user.role_changed", before: "odd", after: { role: { nested: 1 } } })),
    ).toBe("changed the role of 7f1c2d3e from an unknown role to an unknown role");
  });
});
