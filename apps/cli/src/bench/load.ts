import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  durationSeconds: number;
  connections: number;
  /** Requests per second across all connections; unset = as fast as the server answers. */
  overallRate?: number;
  /** Called per request: the event id to send, so every POST is a distinct event. */
  nextId: () => string;
  onSent?: (id: string, at: number) => void;
  onAnswer?: (id: string, status: number, at: number) => void;
}

/** Drives POSTs of `{"id": …}` with autocannon and reports what it saw. */
export async function postEvents(options: LoadOptions) {
  const inFlight = new Map<unknown, string>();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    overallRate: options.overallRate,
    pipelining: 1,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request, context) => {
          const id = options.nextId();
          inFlight.set(context, id);
          options.onSent?.(id, performance.now());
          return { ...request, body: JSON.stringify({ id, amount: 150, email: `${id}@bench.test` }) };
        },
        onResponse: (status, _body, context) => {
          const id = inFlight.get(context);
          if (id) options.onAnswer?.(id, status, performance.now());
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencyP99: result.latency.p99,
    latencyP50: result.latency.p50,
  };
}
