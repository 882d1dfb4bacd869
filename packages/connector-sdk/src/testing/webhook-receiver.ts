import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { normalizeHeaders } from "../headers";

export interface CapturedDelivery {
  rawBody: Buffer;
  /** Lower-cased, as the ingest route hands them to `verify`. */
  headers: Record<string, string>;
  url: string;
}

export interface WebhookReceiver {
  /** What to register with the provider: looks like a Handoff hook URL. */
  url: string;
  received: CapturedDelivery[];
  close: () => Promise<void>;
}

/**
 * A stand-in for Handoff's hook endpoint in connector tests: keeps the exact bytes and headers
 * of every POST, so a test can run the trigger's own `verify` and `parse` on real deliveries.
 */
export async function startWebhookReceiver(hookPath = "/api/hooks/h_test"): Promise<WebhookReceiver> {
  const received: CapturedDelivery[] = [];
  let base = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        rawBody: Buffer.concat(chunks),
        headers: normalizeHeaders(req.headers),
        url: `${base}${req.url ?? ""}`,
      });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}${hookPath}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
