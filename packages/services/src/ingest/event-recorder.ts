import type { Database } from "@handoff/db";
import { batchConcurrentCalls, type Settled } from "./batch-concurrent-calls";
import { type EventToRecord, type RecordedEvent, recordEvents } from "./record-events";

export interface EventRecorder {
  /** `bytes`: the event's rough size (its share of the body), so one batch stays a few MB at most. */
  record(event: EventToRecord, bytes?: number): Promise<RecordedEvent>;
}

/**
 * Records deliveries with group commit: concurrent webhooks share one statement and one commit.
 * If a batch fails (one bad row fails the whole statement), its deliveries are written again one
 * by one, so only the bad one is refused — the others are not lost with it.
 */
export function createEventRecorder(db: Database, options: { maxInFlight?: number; maxBatch?: number } = {}) {
  const groupCommit = batchConcurrentCalls<EventToRecord, RecordedEvent>({
    ...options,
    run: async (events): Promise<Settled<RecordedEvent>[]> => {
      try {
        return (await recordEvents(db, events)).map((value) => ({ ok: true, value }));
      } catch (error) {
        if (events.length === 1) return [{ ok: false, error }];
        const results: Settled<RecordedEvent>[] = [];
        for (const event of events) {
          try {
            const [value] = await recordEvents(db, [event]);
            results.push(value ? { ok: true, value } : { ok: false, error: new Error("The event was not recorded") });
          } catch (oneError) {
            results.push({ ok: false, error: oneError });
          }
        }
        return results;
      }
    },
  });
  return {
    record: (event: EventToRecord, bytes?: number) => groupCommit.submit(event, bytes),
  } satisfies EventRecorder;
}

// One recorder per pool, so every hook request of a process joins the same batches. The pool's
// handle, never a transaction: a batch commits on its own.
const recorders = new WeakMap<Database, EventRecorder>();

export function eventRecorderFor(db: Database): EventRecorder {
  let recorder = recorders.get(db);
  if (!recorder) {
    recorder = createEventRecorder(db);
    recorders.set(db, recorder);
  }
  return recorder;
}
