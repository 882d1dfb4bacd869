import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SandboxClock } from "./clock";
import { WebhookOutbox } from "./webhook-outbox";

interface Received {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe("webhook outbox", () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  it("retries a failed delivery with fresh headers per attempt, then reports it delivered", async () => {
    const target = await receiver([500, 503]);
    servers.push(target.server);
    const outbox = new WebhookOutbox({ clock: new SandboxClock(), retryDelayMs: () => 5 });
    const delivery = outbox.send({
      provider: "stripe",
      event: "invoice.paid",
      url: target.url,
      body: '{"id":"evt_1"}',
      headers: ({ attempt }) => ({ "x-attempt": String(attempt) }),
    });
    await outbox.idle();
    expect(target.received.map((request) => request.headers["x-attempt"])).toEqual(["0", "1", "2"]);
    expect(target.received.every((request) => request.body === '{"id":"evt_1"}')).toBe(true);
    expect(delivery.status).toBe("delivered");
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
  });

  it("gives up after the last attempt and can resend as a new delivery", async () => {
    const target = await receiver([500, 500, 500, 200]);
    servers.push(target.server);
    const outbox = new WebhookOutbox({ clock: new SandboxClock(), retryDelayMs: () => 1, maxAttempts: 3 });
    const first = outbox.send({
      provider: "calcom",
      event: "BOOKING_CREATED",
      url: target.url,
      body: "{}",
      headers: () => ({}),
    });
    await outbox.idle();
    expect(first.status).toBe("failed");
    const again = outbox.resend(first.id);
    await outbox.idle();
    expect(again?.status).toBe("delivered");
    expect(outbox.list("calcom")).toHaveLength(2);
  });

  it("records a connection failure as an attempt with the error", async () => {
    const outbox = new WebhookOutbox({ clock: new SandboxClock(), retryDelayMs: () => 1, maxAttempts: 2 });
    const delivery = outbox.send({
      provider: "hubspot",
      event: "contact.creation",
      url: "http://127.0.0.1:1/nothing-listens",
      body: "[]",
      headers: () => ({}),
    });
    await outbox.idle();
    expect(delivery.status).toBe("failed");
    expect(delivery.attempts).toHaveLength(2);
    expect(delivery.attempts[0]?.error).toBeTruthy();
  });
});
