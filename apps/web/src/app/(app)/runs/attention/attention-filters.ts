import type { AttentionItem, AttentionKind } from "./types";

export const KIND_LABELS = {
  run: "Failed run",
  identity_review: "Identity conflict",
  rejected_delivery: "Rejected delivery",
} as const satisfies Record<AttentionKind, string>;

export const ATTENTION_KINDS = Object.keys(KIND_LABELS) as AttentionKind[];

export function isAttentionKind(value: string): value is AttentionKind {
  return Object.hasOwn(KIND_LABELS, value);
}

export const ASSIGNEE_FILTER_LABELS = {
  anyone: "Anyone",
  me: "Me",
  nobody: "Nobody",
} as const;

export type AssigneeFilter = keyof typeof ASSIGNEE_FILTER_LABELS;

export function isAssigneeFilter(value: string): value is AssigneeFilter {
  return Object.hasOwn(ASSIGNEE_FILTER_LABELS, value);
}

export interface AttentionFilters {
  kind: AttentionKind | "all";
  assignee: AssigneeFilter;
}

export const NO_ATTENTION_FILTERS: AttentionFilters = { kind: "all", assignee: "anyone" };

/** The queue is short (capped by the server), so it is narrowed in the browser, instantly. */
export function filterAttention(
  items: readonly AttentionItem[],
  filters: AttentionFilters,
  currentUserId: string,
): AttentionItem[] {
  return items.filter((item) => {
    if (filters.kind !== "all" && item.kind !== filters.kind) return false;
    if (filters.assignee === "me") return item.assignedTo?.userId === currentUserId;
    if (filters.assignee === "nobody") return item.assignedTo === null;
    return true;
  });
}

export function kindBadgeClass(kind: AttentionKind): string {
  switch (kind) {
    case "run":
      return "ho-badge ho-badge-danger";
    case "identity_review":
      return "ho-badge ho-badge-warn";
    case "rejected_delivery":
      return "ho-badge";
  }
}
