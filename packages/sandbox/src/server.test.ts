import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "./server";
import type { SandboxProvider, SandboxProviderFactory } from "./types";

/** A minimal stateful provider: POST /items stores the JSON body, GET /items lists them. */
const itemsProvider: SandboxProviderFactory = (): SandboxProvider => {
  let items: unknown[] = [];
  return {
    key: "items",
    handle(request) {
      if (request.method === "POST" && request.path === "/items") {
        const item = JSON.parse(request.rawBody.toString("utf8")) as unknown;
        items.push(item);
        return { status: 201, body: item };
      }
      if (request.method === "GET" && request.path === "/items") return { status: 200, body: { items } };
      return { status: 404, body: { error: "not found" } };
    },
    reset() {
      items = [];
    },
    state: () => ({ items }),
    admin(action, body) {
      if (action !== "add") return { status: 404, body: { error: `no action ${action}` } };
      items.push(body);
      return { status: 201, body };
    },
  };
};

describe("sandbox server", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startSandboxServer({ port: 0, providers: [itemsProvider] });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
  });

  const post = (path: string, body: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });

  it("routes to the provider under its key and keeps state until reset", async () => {
    expect((await post("/items/items", { name: "Jane" })).status).toBe(201);
    expect(await (await fetch(`${sandbox.url}/items/items`)).json()).toEqual({ items: [{ name: "Jane" }] });
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    expect(await (await fetch(`${sandbox.url}/_sandbox/state?provider=items`)).json()).toEqual({ items: [] });
  });

  it("answers scripted faults for exactly the next N matching calls", async () => {
    const scripted = await post("/_sandbox/faults", {
      provider: "items",
      pathPrefix: "/items",
      times: 2,
      status: 429,
      headers: { "retry-after": "2" },
      body: { error: "slow down" },
    });
    expect(scripted.status).toBe(201);
    const first = await fetch(`${sandbox.url}/items/items`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("2");
    expect((await fetch(`${sandbox.url}/items/items`)).status).toBe(429);
    expect((await fetch(`${sandbox.url}/items/items`)).status).toBe(200);
  });

  it("refuses a fault for a provider that is not mounted", async () => {
    const response = await post("/_sandbox/faults", { provider: "nope", status: 500 });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "fault.provider must name a mounted provider" });
  });

  it("can drop the connection instead of answering", async () => {
    await post("/_sandbox/faults", { provider: "items", status: 500, dropConnection: true });
    await expect(fetch(`${sandbox.url}/items/items`)).rejects.toThrow();
    expect((await fetch(`${sandbox.url}/items/items`)).status).toBe(200);
  });

  it("logs every provider call with its exact body, filterable by provider", async () => {
    await post("/items/items", { n: 1 });
    await fetch(`${sandbox.url}/items/missing`);
    const log = (await (await fetch(`${sandbox.url}/_sandbox/requests?provider=items`)).json()) as {
      method: string;
      path: string;
      status: number;
      body: string;
    }[];
    expect(log.map(({ method, path, status, body }) => ({ method, path, status, body }))).toEqual([
      { method: "POST", path: "/items", status: 201, body: '{"n":1}' },
      { method: "GET", path: "/missing", status: 404, body: "" },
    ]);
  });

  it("says which provider key is unknown", async () => {
    const response = await fetch(`${sandbox.url}/hubspot/crm/v3/objects/contacts`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no sandbox provider "hubspot"' });
  });

  it("runs a provider's scripted action and says when there is none", async () => {
    const added = await post("/_sandbox/items/add", { name: "Ann" });
    expect(added.status).toBe(201);
    expect(await (await fetch(`${sandbox.url}/_sandbox/state?provider=items`)).json()).toEqual({
      items: [{ name: "Ann" }],
    });
    expect((await post("/_sandbox/items/nope", {})).status).toBe(404);
    const notJson = await fetch(`${sandbox.url}/_sandbox/items/add`, { method: "POST", body: "{oops" });
    expect(notJson.status).toBe(400);
  });

  it("moves the clock forward and resets it", async () => {
    const before = Date.parse(((await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { now: string }).now);
    const moved = (await (await post("/_sandbox/clock", { advanceMs: 86_400_000 })).json()) as { now: string };
    expect(Date.parse(moved.now) - before).toBeGreaterThanOrEqual(86_400_000);
    expect((await post("/_sandbox/clock", { advanceMs: "soon" })).status).toBe(400);
    await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" });
    expect(sandbox.context.clock.nowMs() - Date.now()).toBeLessThan(1_000);
  });
});
