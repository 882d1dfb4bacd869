import type { Customer } from "./store";

interface Snapshot {
  visibleAt: number;
  customer: Customer | null;
}

/**
 * Stripe's search is eventually consistent: a change shows up in `/search` only after a lag,
 * and until then the previous version is what matches. Each write is kept as a snapshot that
 * becomes visible `lagMs` of clock time later; `null` is a deletion.
 */
export class SearchIndex {
  private snapshots = new Map<string, Snapshot[]>();

  constructor(private readonly lagMs: number) {}

  record(id: string, customer: Customer | null, nowMs: number): void {
    const list = this.snapshots.get(id) ?? [];
    list.push({ visibleAt: nowMs + this.lagMs, customer: customer && structuredClone(customer) });
    this.snapshots.set(id, list);
  }

  /** What search sees at `nowMs`, newest customer first. */
  visible(nowMs: number): Customer[] {
    const found: Customer[] = [];
    for (const list of this.snapshots.values()) {
      const latest = list.filter((snapshot) => snapshot.visibleAt <= nowMs).at(-1);
      if (latest?.customer) found.push(latest.customer);
    }
    return found.reverse();
  }

  reset(): void {
    this.snapshots = new Map();
  }
}
