import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The "provider" every benchmark flow calls: answers 200 at once and remembers, per event id,
 * how many calls arrived and when the first one did.
 */
export async function startBenchSink() {
  const firstSeen = new Map<string, number>();
  let calls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      calls += 1;
      try {
        const { id } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id?: string };
        if (id && !firstSeen.has(id)) firstSeen.set(id, performance.now());
      } catch {
        // A malformed body is still a call; it just cannot be attributed.
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": "2" }).end("{}");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    firstSeen,
    calls: () => calls,
    reset() {
      firstSeen.clear();
      calls = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type BenchSink = Awaited<ReturnType<typeof startBenchSink>>;
