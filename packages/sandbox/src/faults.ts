import type { Fault } from "./types";

/** Scripted failures ("next N calls → 429"), consumed in the order they were added. */
export class FaultPlan {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    if (!Number.isInteger(fault.times) || fault.times < 1) throw new Error("fault.times must be a positive integer");
    this.faults.push({ ...fault });
  }

  /** The fault that applies to this call, if any; each match uses up one of its `times`. */
  take(provider: string, method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      (fault) =>
        fault.provider === provider &&
        (fault.pathPrefix === undefined || path.startsWith(fault.pathPrefix)) &&
        (fault.method === undefined || fault.method.toUpperCase() === method),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) this.faults.splice(index, 1);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  pending(): readonly Fault[] {
    return this.faults;
  }
}
