export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface BatchOptions<I, O> {
  /** Handles a batch; one result per item, in order (a batch may fail for some items only). */
  run: (items: I[]) => Promise<Settled<O>[]>;
  /** Batches written at the same time; more items wait and go together in the next one. */
  maxInFlight?: number;
  maxBatch?: number;
  /** A batch stops growing past this many bytes (see `submit`'s `bytes`); a lone item may pass it. */
  maxBatchBytes?: number;
}

/**
 * Calls made in the same turn of the event loop, or while earlier batches are in flight, are
 * handled together — for writes that is application-level group commit: one statement and one
 * durable commit instead of one each. Each caller's promise settles only once its batch is done,
 * so an answer never runs ahead of its commit. Under light load a batch is one call and waits for
 * nothing but the current turn of the event loop.
 */
export function batchConcurrentCalls<I, O>({
  run,
  maxInFlight = 2,
  maxBatch = 200,
  maxBatchBytes = 4 * 1024 * 1024,
}: BatchOptions<I, O>) {
  type Waiting = { item: I; bytes: number; resolve: (value: O) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule() {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    // setImmediate, not a timer: it gathers every request whose body arrived in this turn.
    setImmediate(flush);
  }

  function flush() {
    scheduled = false;
    if (inFlight >= maxInFlight || queue.length === 0) return;
    const batch = queue.splice(0, batchLength());
    inFlight += 1;
    void runBatch(batch).finally(() => {
      inFlight -= 1;
      schedule();
    });
    schedule();
  }

  /** How many of the waiting items fit in the next batch (at least one). */
  function batchLength(): number {
    let bytes = 0;
    let length = 0;
    for (const waiting of queue) {
      if (length === maxBatch || (length > 0 && bytes + waiting.bytes > maxBatchBytes)) break;
      bytes += waiting.bytes;
      length += 1;
    }
    return length;
  }

  async function runBatch(batch: Waiting[]) {
    let results: Settled<O>[];
    try {
      results = await run(batch.map((waiting) => waiting.item));
    } catch (error) {
      results = batch.map(() => ({ ok: false, error }));
    }
    batch.forEach((waiting, index) => {
      const result = results[index] ?? { ok: false, error: new Error("The batch returned too few results") };
      if (result.ok) waiting.resolve(result.value);
      else waiting.reject(result.error);
    });
  }

  return {
    /** Resolves once `item` is written; `bytes` is its rough size, for the batch's byte budget. */
    submit(item: I, bytes = 0): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, bytes, resolve, reject });
        schedule();
      });
    },
  };
}
