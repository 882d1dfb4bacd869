"use client";

import { EmptyState, Stat } from "@handoff/ui";
import type { ErasureCounts } from "./describe-erasure";
import { EraseCustomerForm } from "./erase-customer-form";
import { ExportCustomerButton } from "./export-customer-button";
import type { CustomerSummary } from "./types";

/** Who the search found and how much is held, with the two things an owner can do about it. */
export function CustomerSummaryPanel({
  query,
  summary,
  onErased,
}: {
  query: string;
  summary: CustomerSummary;
  onErased: (erasure: ErasureCounts) => void;
}) {
  if (!summary.found) {
    return (
      <EmptyState
        title="Handoff holds nothing about this person"
        description="No customer record, run or identity review mentions them. There is nothing to export or erase."
      />
    );
  }
  const { customer, counts } = summary;
  return (
    <section className="ho-panel" aria-labelledby="customer-summary-heading">
      <h2 id="customer-summary-heading">{customer?.name || summary.email || summary.phone || "Customer"}</h2>
      <dl>
        <dt>Customer id</dt>
        <dd>{customer ? customer.id : <span className="ho-muted">No customer record: found in runs only</span>}</dd>
        <dt>Email</dt>
        <dd>{summary.email ?? <span className="ho-muted">—</span>}</dd>
        <dt>Phone</dt>
        <dd>{summary.phone ?? <span className="ho-muted">—</span>}</dd>
      </dl>
      <div className="ho-stats">
        <Stat label="Identity links" value={counts.links} />
        <Stat label="Runs that mention them" value={counts.runs} />
        <Stat label="Identity reviews" value={counts.identityReviews} />
      </div>
      <div className="ho-actions">
        <ExportCustomerButton query={query} />
      </div>
      <EraseCustomerForm query={query} confirmWith={summary.confirmWith} onErased={onErased} />
    </section>
  );
}
