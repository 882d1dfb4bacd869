/** What an erasure did, as the server reports it. */
export interface ErasureCounts {
  customerId: string | null;
  counts: {
    runs: number;
    steps: number;
    triggerEvents: number;
    identityReviews: number;
    links: number;
    customers: number;
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One sentence for the confirmation shown once the erasure is done. */
export function describeErasure({ counts }: ErasureCounts): string {
  const redacted = [
    plural(counts.runs, "run", "runs"),
    plural(counts.steps, "step", "steps"),
    plural(counts.triggerEvents, "trigger event", "trigger events"),
  ].join(", ");
  const deleted = [
    plural(counts.identityReviews, "identity review", "identity reviews"),
    plural(counts.links, "identity link", "identity links"),
    counts.customers > 0 ? "the customer record" : "no customer record (none existed)",
  ].join(", ");
  return `Redacted ${redacted}; deleted ${deleted}.`;
}
