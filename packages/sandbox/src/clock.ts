/**
 * The emulators' notion of "now": real time plus an offset tests (and the CLI) can move, so
 * token expiry, signature windows and due dates can be reached without waiting.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves time forward (or back, with a negative amount). */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error("clock.advance needs a finite number of milliseconds");
    this.offsetMs += ms;
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
