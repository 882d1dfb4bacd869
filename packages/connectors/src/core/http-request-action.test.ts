import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectorError, toJsonSchemaForm } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequestAction } from "./http-request-action";
import { MAX_RESPONSE_BYTES } from "./http-response";

type Received = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

let server: Server;
let baseUrl: string;
const received: Received[] = [];

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, headers);
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  received.push({
    method: req.method ?? "",
    url: req.url ?? "",
    headers: req.headers,
    body: Buffer.concat(chunks).toString(),
  });
  const json = { "content-type": "application/json; charset=utf-8" };
  switch (new URL(req.url ?? "/", "http://localhost").pathname) {
    case "/contacts":
      return send(res, 201, JSON.stringify({ id: 42, email: "ann@example.com" }), { ...json, "x-request-id": "r-1" });
    case "/text":
      return send(res, 200, "plain hello", { "content-type": "text/plain" });
    case "/empty":
      return send(res, 204, "");
    case "/rate-limited":
      return send(res, 429, JSON.stringify({ message: "Too many requests, slow down" }), {
        ...json,
        "retry-after": "2",
      });
    case "/bad":
      return send(res, 400, JSON.stringify({ error: { message: "email is invalid", type: "validation" } }), json);
    case "/down":
      return send(res, 502, "<html>Bad Gateway</html>", { "content-type": "text/html" });
    case "/huge":
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("x".repeat(MAX_RESPONSE_BYTES + 1));
      return;
    case "/moved":
      return send(res, 302, "", { location: "/text" });
    case "/see-other":
      return send(res, 303, "", { location: "/contacts" });
    case "/cookies":
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      return send(res, 200, "{}", json);
    case "/slow-body":
      res.writeHead(200, json);
      res.write('{"partial":');
      setTimeout(() => res.end("true}"), 2000).unref();
      return;
    case "/slow":
      setTimeout(() => send(res, 200, "{}", json), 2000).unref();
      return;
    default:
      return send(res, 404, "not found");
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(props: Record<string, unknown>): Promise<ConnectorError> {
  const outcome = await runAction(httpRequestAction, { props }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(outcome)}`);
  return outcome;
}

describe("http-request action", () => {
  it("sends the JSON body with the step's idempotency key and returns parsed JSON", async () => {
    const { output, logs } = await runAction(httpRequestAction, {
      props: { url: `${baseUrl}/contacts?api_key=secret`, body: { email: "ann@example.com" } },
      idempotencyKey: "run_7:node_3",
    });
    expect(output.status).toBe(201);
    expect(output.body).toEqual({ id: 42, email: "ann@example.com" });
    expect(output.headers["x-request-id"]).toBe("r-1");
    const request = received.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.headers["idempotency-key"]).toBe("run_7:node_3");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({ email: "ann@example.com" });
    expect(JSON.stringify(logs)).not.toContain("secret");
  });

  it("keeps an Idempotency-Key the user set, whatever its case", async () => {
    await runAction(httpRequestAction, {
      props: { method: "PUT", url: `${baseUrl}/contacts`, headers: { "idempotency-KEY": "mine" }, body: [1] },
    });
    expect(received.at(-1)?.headers["idempotency-key"]).toBe("mine");
    expect(received.at(-1)?.method).toBe("PUT");
  });

  it("returns text bodies as text and empty ones as null", async () => {
    const text = await runAction(httpRequestAction, { props: { method: "GET", url: `${baseUrl}/text` } });
    expect(text.output).toMatchObject({ status: 200, body: "plain hello" });
    const empty = await runAction(httpRequestAction, { props: { method: "DELETE", url: `${baseUrl}/empty` } });
    expect(empty.output).toMatchObject({ status: 204, body: null });
  });

  it("turns 429 into a retriable error that honours Retry-After", async () => {
    const error = await failure({ url: `${baseUrl}/rate-limited` });
    expect(error).toMatchObject({
      kind: "retriable",
      code: "rate_limited",
      status: 429,
      retryAfterMs: 2000,
      providerMessage: "Too many requests, slow down",
    });
  });

  it("turns 400 into a final error keeping the provider's message", async () => {
    const error = await failure({ url: `${baseUrl}/bad?token=abc` });
    expect(error).toMatchObject({
      kind: "final",
      code: "validation",
      status: 400,
      providerMessage: "email is invalid",
    });
    expect(error.message).toBe(
      `HTTP 400 Bad Request from POST 127.0.0.1:${new URL(baseUrl).port}/bad: email is invalid`,
    );
  });

  it("makes a 502 retriable", async () => {
    const error = await failure({ method: "GET", url: `${baseUrl}/down` });
    expect(error).toMatchObject({
      kind: "retriable",
      code: "server_error",
      providerMessage: "<html>Bad Gateway</html>",
    });
  });

  it("times out as a retriable timeout", async () => {
    const started = Date.now();
    const error = await failure({ method: "GET", url: `${baseUrl}/slow`, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toMatchObject({ kind: "retriable", code: "timeout" });
    expect(error.message).toContain("did not answer within 200 ms");
  });

  it("times out when the body stops arriving, not only the headers", async () => {
    const error = await failure({ method: "GET", url: `${baseUrl}/slow-body`, timeoutMs: 200 });
    expect(error).toMatchObject({ kind: "retriable", code: "timeout" });
  });

  it("follows redirects like a browser: a 303 answer to a POST is fetched with GET", async () => {
    const moved = await runAction(httpRequestAction, { props: { method: "GET", url: `${baseUrl}/moved` } });
    expect(moved.output).toMatchObject({ status: 200, body: "plain hello" });
    const seeOther = await runAction(httpRequestAction, {
      props: { url: `${baseUrl}/see-other`, body: { email: "ann@example.com" } },
    });
    expect(seeOther.output).toMatchObject({ status: 201, body: { id: 42 } });
    expect(received.at(-1)).toMatchObject({ method: "GET", url: "/contacts", body: "" });
  });

  it("joins a repeated response header", async () => {
    const { output } = await runAction(httpRequestAction, { props: { method: "GET", url: `${baseUrl}/cookies` } });
    expect(output.headers["set-cookie"]).toBe("a=1, b=2");
  });

  it("reports a cancelled run as aborted, not as a timeout", async () => {
    const controller = new AbortController();
    const pending = runAction(httpRequestAction, {
      props: { method: "GET", url: `${baseUrl}/slow` },
      signal: controller.signal,
    }).catch((error: unknown) => error);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ code: "aborted", kind: "retriable" });
  });

  it("reports a refused connection as a retriable network error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure({ method: "GET", url: `http://127.0.0.1:${port}/` });
    expect(error).toMatchObject({ kind: "retriable", code: "network" });
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("refuses a response bigger than the cap", async () => {
    const error = await failure({ method: "GET", url: `${baseUrl}/huge` });
    expect(error).toMatchObject({ kind: "final", code: "too_large" });
  });
});

describe("http-request props", () => {
  const issues = (props: unknown) =>
    httpRequestAction.props.safeParse(props).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("applies defaults", () => {
    expect(httpRequestAction.props.parse({ url: "https://api.example.com/x" })).toEqual({
      method: "POST",
      url: "https://api.example.com/x",
      headers: {},
      timeoutMs: 30_000,
    });
  });

  it("rejects what fetch would choke on, field by field", () => {
    expect(issues({ url: "ftp://example.com/file" })).toEqual([["url", "Enter a full http:// or https:// URL"]]);
    expect(issues({ url: "example.com/contacts" })).toEqual([["url", "Enter a full http:// or https:// URL"]]);
    expect(issues({ url: "http://[::1]:8080/hook" })).toBeUndefined();
    expect(issues({ url: "https://example.com", timeoutMs: 120_001 })).toEqual([
      ["timeoutMs", "The timeout can be at most 120000 ms"],
    ]);
    expect(issues({ url: "https://example.com", headers: { "bad header": "x", ok: "a\r\nInjected: 1" } })).toEqual([
      ["headers.ok", "Header values cannot contain line breaks"],
      ["headers.bad header", "Header names may only use letters, digits and !#$%&'*+.^_`|~-"],
    ]);
    expect(issues({ method: "GET", url: "https://example.com", body: { a: 1 } })).toEqual([
      ["body", "A GET request cannot have a body"],
    ]);
  });

  it("renders as a form", () => {
    expect(toJsonSchemaForm(httpRequestAction.props)).toMatchObject({
      properties: {
        url: { type: "string", format: "uri" },
        timeoutMs: { type: "integer", default: 30_000, maximum: 120_000 },
        method: { enum: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] },
      },
      required: ["url"],
    });
  });
});
