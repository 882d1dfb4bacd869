import { createHmac } from "node:crypto";
import type { WebhookVerifyInput } from "@handoff/connector-sdk";
import { describe, expect, it } from "vitest";
import { webhookTrigger } from "./webhook-trigger";

const secret = "hook-secret-1";
const rawBody = Buffer.from('{"id":"evt_42","type":"contact.created","email":"Ann@Example.COM"}');
const signature = `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;

function verifyInput(overrides: Partial<WebhookVerifyInput<Record<string, never>>>) {
  return {
    rawBody,
    headers: {},
    url: "https://handoff.example/api/hooks/h_1",
    method: "POST",
    props: {},
    now: new Date("2025-06-02T10:00:00Z"),
    ...overrides,
  };
}

function parsePayload(text: string) {
  const result = webhookTrigger.parse(Buffer.from(text), {});
  if (!result.ok) throw new Error(result.error);
  return result.payload;
}

describe("webhook trigger: verify", () => {
  it("accepts unsigned deliveries when the hook has no secret", () => {
    expect(webhookTrigger.verify(verifyInput({}))).toEqual({ ok: true });
  });

  it("accepts a correct X-Handoff-Signature over the raw body", () => {
    expect(webhookTrigger.verify(verifyInput({ secret, headers: { "x-handoff-signature": signature } }))).toEqual({
      ok: true,
    });
  });

  it("rejects a missing, unprefixed or wrong signature once a secret is set", () => {
    expect(webhookTrigger.verify(verifyInput({ secret }))).toEqual({
      ok: false,
      reason: "missing x-handoff-signature header",
    });
    expect(
      webhookTrigger.verify(verifyInput({ secret, headers: { "x-handoff-signature": signature.slice(7) } })),
    ).toEqual({ ok: false, reason: 'x-handoff-signature header does not start with "sha256="' });
    expect(
      webhookTrigger.verify(verifyInput({ secret: "another", headers: { "x-handoff-signature": signature } })),
    ).toEqual({ ok: false, reason: "signature does not match" });
    const tampered = Buffer.from(rawBody.toString().replace("evt_42", "evt_43"));
    expect(
      webhookTrigger.verify(verifyInput({ secret, rawBody: tampered, headers: { "x-handoff-signature": signature } })),
    ).toEqual({ ok: false, reason: "signature does not match" });
  });
});

describe("webhook trigger: parse", () => {
  it("returns the JSON object", () => {
    expect(webhookTrigger.parse(rawBody, {})).toEqual({
      ok: true,
      payload: { id: "evt_42", type: "contact.created", email: "Ann@Example.COM" },
    });
  });

  it("gives a precise error for bodies that are not a JSON object", () => {
    expect(webhookTrigger.parse(Buffer.from("name=Ann&x=1"), {})).toEqual({
      ok: false,
      error: 'body is not valid JSON: Unexpected token "name=Ann&x=1" at position 0 (expected a value)',
    });
    expect(webhookTrigger.parse(Buffer.from('[{"id":1}]'), {})).toEqual({
      ok: false,
      error: "body is a JSON array; expected a JSON object",
    });
    expect(webhookTrigger.parse(Buffer.alloc(0), {})).toEqual({ ok: false, error: "body is empty; expected JSON" });
  });
});

describe("webhook trigger: eventId", () => {
  it("prefers the X-Handoff-Event-Id header, then id, then eventId", () => {
    const payload = parsePayload('{"id":"p_1","eventId":"e_1"}');
    expect(webhookTrigger.eventId(payload, { "x-handoff-event-id": " h_1 " })).toBe("h_1");
    expect(webhookTrigger.eventId(payload, {})).toBe("p_1");
    expect(webhookTrigger.eventId(parsePayload('{"id":7,"eventId":"e_1"}'), {})).toBe("e_1");
  });

  it("leaves de-duplication to the body hash when there is no usable id", () => {
    expect(webhookTrigger.eventId(parsePayload('{"id":7}'), {})).toBeUndefined();
    expect(webhookTrigger.eventId(parsePayload('{"id":"  "}'), { "x-handoff-event-id": "" })).toBeUndefined();
    expect(webhookTrigger.eventId(parsePayload(`{"id":"${"x".repeat(201)}"}`), {})).toBeUndefined();
  });
});

describe("webhook trigger: eventTime", () => {
  it("reads occurredAt, then timestamp", () => {
    expect(webhookTrigger.eventTime(parsePayload('{"occurredAt":"2025-06-02T09:58:00+02:00"}'))).toEqual(
      new Date("2025-06-02T07:58:00Z"),
    );
    expect(
      webhookTrigger.eventTime(parsePayload('{"occurredAt":"garbage","timestamp":"2025-06-02T07:00:00Z"}')),
    ).toEqual(new Date("2025-06-02T07:00:00Z"));
  });

  it("reads epoch timestamps in seconds or milliseconds", () => {
    expect(webhookTrigger.eventTime(parsePayload('{"timestamp":1717322400}'))).toEqual(
      new Date("2024-06-02T10:00:00Z"),
    );
    expect(webhookTrigger.eventTime(parsePayload('{"timestamp":1717322400123}'))).toEqual(
      new Date("2024-06-02T10:00:00.123Z"),
    );
  });

  it("ignores values that are not dates", () => {
    expect(webhookTrigger.eventTime(parsePayload('{"occurredAt":"3"}'))).toBeUndefined();
    expect(webhookTrigger.eventTime(parsePayload('{"timestamp":"2025-13-45T00:00:00Z"}'))).toBeUndefined();
    expect(webhookTrigger.eventTime(parsePayload('{"timestamp":true}'))).toBeUndefined();
    expect(webhookTrigger.eventTime(parsePayload("{}"))).toBeUndefined();
  });
});

describe("webhook trigger: summary and business keys", () => {
  it("summarises by event type, else by keys", () => {
    expect(webhookTrigger.summary?.(parsePayload('{"type":"invoice.paid","id":"x"}'))).toBe("Webhook: invoice.paid");
    expect(webhookTrigger.summary?.(parsePayload('{"name":"Ann","phone":"1"}'))).toBe("Webhook with name, phone");
  });

  it("collects e-mails, lower-cased and de-duplicated, including nested ones", () => {
    const payload = parsePayload(
      '{"email":"Ann@Example.COM","attendees":[{"email":"bob@example.org"},{"email":"ann@example.com"}],"note":"not an email"}',
    );
    expect(webhookTrigger.businessKeys?.(payload)).toEqual(["ann@example.com", "bob@example.org"]);
  });
});
