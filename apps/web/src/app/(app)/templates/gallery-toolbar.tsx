"use client";

import { SelectField } from "@handoff/ui";
import { CATEGORIES, CATEGORY_LABELS, isCategory } from "./category-labels";
import type { GalleryFilter } from "./gallery-filter";

/** Search and category filter; every change is written to the URL by the caller. */
export function GalleryToolbar({
  filter,
  onChange,
}: {
  filter: GalleryFilter;
  onChange: (filter: GalleryFilter) => void;
}) {
  return (
    <search className="ho-toolbar" aria-label="Find a template">
      <div className="ho-field">
        <label htmlFor="template-search">Search templates</label>
        <input
          id="template-search"
          type="search"
          autoComplete="off"
          placeholder="e.g. booking, overdue, Stripe"
          value={filter.query}
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
        />
      </div>
      <SelectField
        label="Category"
        name="category"
        id="template-category"
        value={filter.category ?? ""}
        onChange={(event) => {
          const value = event.target.value;
          onChange({ ...filter, category: isCategory(value) ? value : null });
        }}
      >
        <option value="">All categories</option>
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {CATEGORY_LABELS[category]}
          </option>
        ))}
      </SelectField>
    </search>
  );
}
