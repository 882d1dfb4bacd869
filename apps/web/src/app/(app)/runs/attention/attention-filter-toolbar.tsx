"use client";

import { SelectField } from "@handoff/ui";
import {
  ASSIGNEE_FILTER_LABELS,
  ATTENTION_KINDS,
  type AttentionFilters,
  isAssigneeFilter,
  isAttentionKind,
  KIND_LABELS,
} from "./attention-filters";

/** Narrow the queue by kind and by who is on an item. */
export function AttentionFilterToolbar({
  filters,
  onChange,
}: {
  filters: AttentionFilters;
  onChange: (filters: AttentionFilters) => void;
}) {
  return (
    <search className="ho-toolbar" aria-label="Filter the queue">
      <SelectField
        label="Kind"
        name="attention-kind"
        value={filters.kind}
        onChange={(event) => {
          const kind = event.target.value;
          onChange({ ...filters, kind: isAttentionKind(kind) ? kind : "all" });
        }}
      >
        <option value="all">All kinds</option>
        {ATTENTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Assigned to"
        name="attention-assignee"
        value={filters.assignee}
        onChange={(event) => {
          const assignee = event.target.value;
          onChange({ ...filters, assignee: isAssigneeFilter(assignee) ? assignee : "anyone" });
        }}
      >
        {Object.entries(ASSIGNEE_FILTER_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </search>
  );
}
