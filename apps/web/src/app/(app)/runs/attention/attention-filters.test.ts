import { describe, expect, it } from "vitest";
import { filterAttention, NO_ATTENTION_FILTERS } from "./attention-filters";
import type { AttentionItem } from "./types";

const ME = "00000000-0000-4000-8000-00000000000a";
const item = (id: string, changes: Partial<AttentionItem> = {}): AttentionItem => ({
  kind: "run",
  id,
  runId: id,
  flowId: null,
  flowName: null,
  title: id,
  detail: null,
  createdAt: "2025-03-01T09:00:00.000Z",
  assignedTo: null,
  ...changes,
});
const ITEMS = [
  item("mine", { assignedTo: { userId: ME, email: "me@roe.test" } }),
  item("theirs", { kind: "identity_review", assignedTo: { userId: "other", email: "bo@roe.test" } }),
  item("nobody's", { kind: "rejected_delivery", runId: null }),
];
const ids = (items: AttentionItem[]) => items.map((i) => i.id);

describe("filtering the queue", () => {
  it("keeps everything without filters", () => {
    expect(ids(filterAttention(ITEMS, NO_ATTENTION_FILTERS, ME))).toEqual(["mine", "theirs", "nobody's"]);
  });

  it("narrows by kind and by who is on it", () => {
    expect(ids(filterAttention(ITEMS, { kind: "identity_review", assignee: "anyone" }, ME))).toEqual(["theirs"]);
    expect(ids(filterAttention(ITEMS, { kind: "all", assignee: "me" }, ME))).toEqual(["mine"]);
    expect(ids(filterAttention(ITEMS, { kind: "all", assignee: "nobody" }, ME))).toEqual(["nobody's"]);
    expect(ids(filterAttention(ITEMS, { kind: "run", assignee: "nobody" }, ME))).toEqual([]);
  });
});
