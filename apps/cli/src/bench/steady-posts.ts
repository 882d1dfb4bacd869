/**
 * Sends one POST every 1/rate seconds, stamping each at the moment it is written. (autocannon
 * prepares a rate-limited request long before sending it, which would inflate latency.) Node's
 * fetch keeps connections alive, as a provider's sender would.
 */
export async function steadyPosts({
  url,
  rate,
  seconds,
  nextId,
  onSent,
}: {
  url: string;
  rate: number;
  seconds: number;
  nextId: () => string;
  onSent: (id: string, at: number) => void;
}) {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = nextId();
    onSent(id, performance.now());
    pending.push(
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id, amount: 150, email: `${id}@bench.test` }),
      }).then((response) => response.arrayBuffer()),
    );
  }
  await Promise.allSettled(pending);
}
