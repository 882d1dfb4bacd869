import { toJsonSchemaForm } from "@handoff/connector-sdk";
import { describe, expect, it } from "vitest";
import { ZSendEmailProps } from "./send-email-props";

const valid = { from: "billing@acme.test", to: "jane@customer.test", subject: "Hello", text: "Hi" };

function issues(props: Record<string, unknown>): { path: string; message: string }[] {
  const result = ZSendEmailProps.safeParse(props);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("send-email props", () => {
  it("parses recipient lists from a string (quoted names with commas, groups) or an array", () => {
    const parsed = ZSendEmailProps.parse({
      ...valid,
      from: '"Acme, Billing" <billing@acme.test>',
      to: '"Roe, Jane" <jane@customer.test>, john@customer.test',
      cc: ["Books <books@acme.test>", "Team: ann@acme.test, bob@acme.test;"],
    });
    expect(parsed.from).toEqual({ name: "Acme, Billing", address: "billing@acme.test" });
    expect(parsed.to).toEqual([
      { name: "Roe, Jane", address: "jane@customer.test" },
      { name: "", address: "john@customer.test" },
    ]);
    expect(parsed.cc.map((mailbox) => mailbox.address)).toEqual(["books@acme.test", "ann@acme.test", "bob@acme.test"]);
    expect(parsed.bcc).toEqual([]);
    expect(parsed.headers).toEqual({});
  });

  it("treats optional lists and bodies a template left empty as absent", () => {
    const parsed = ZSendEmailProps.parse({ ...valid, cc: "", bcc: [], replyTo: "  ", html: " " });
    expect(parsed).toMatchObject({ cc: [], bcc: [], replyTo: [], text: "Hi" });
    expect(parsed.html).toBeUndefined();
  });

  it("reads the consent timestamp in UTC, and leaves it out when the flow gives none", () => {
    expect(ZSendEmailProps.parse({ ...valid, consentAt: "2026-03-01T10:30:00+01:00" }).consentAt).toBe(
      "2026-03-01T09:30:00.000Z",
    );
    expect(ZSendEmailProps.parse({ ...valid, consentAt: " " }).consentAt).toBeUndefined();
    expect(ZSendEmailProps.parse(valid).consentAt).toBeUndefined();
  });

  it("flattens a subject a template made multi-line", () => {
    expect(ZSendEmailProps.parse({ ...valid, subject: "Booking:\r\n  Jane Roe\nTue 14:00" }).subject).toBe(
      "Booking: Jane Roe Tue 14:00",
    );
  });

  it.each([
    ["no recipient", { to: "" }, "to", "at least one email address"],
    ["a bad recipient", { to: "jane@customer.test, not-an-email" }, "to", '"not-an-email" is not an email address'],
    ["two senders", { from: "a@acme.test, b@acme.test" }, "from", "exactly one sender"],
    ["no sender", { from: "" }, "from", "exactly one sender"],
    ["an empty subject", { subject: " \n " }, "subject", "Enter a subject"],
    ["no body", { text: "", html: undefined }, "text", "text or an HTML body"],
    ["a reserved header", { headers: { "Message-ID": "<x@y>" } }, "headers.Message-ID", "set by the action"],
    ["a header name with a colon", { headers: { "X-a:b": "1" } }, "headers.X-a:b", "without ':'"],
    [
      "a header value with a line break",
      { headers: { "X-Tag": "a\r\nBcc: evil@x.test" } },
      "headers.X-Tag",
      "line breaks",
    ],
    ["a consent date without a time", { consentAt: "2026-03-01" }, "consentAt", "Consent given at (consentAt) must be"],
    ["a consent time without a zone", { consentAt: "2026-03-01T09:30:00" }, "consentAt", "with a time zone"],
    ["an impossible consent date", { consentAt: "2026-02-30T09:30:00Z" }, "consentAt", "ISO 8601 date-time"],
    ["a consent that is not a date", { consentAt: "yes" }, "consentAt", "ISO 8601 date-time"],
  ])("refuses %s", (_label, override, path, message) => {
    const found = issues({ ...valid, ...override });
    expect(found).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it("renders as a JSON Schema form with the required fields", () => {
    const form = toJsonSchemaForm(ZSendEmailProps);
    expect(form.required).toEqual(expect.arrayContaining(["from", "to", "subject"]));
    expect(Object.keys(form.properties ?? {})).toEqual(
      expect.arrayContaining(["cc", "bcc", "replyTo", "text", "html", "headers", "consentAt"]),
    );
    expect(form.properties?.consentAt).toMatchObject({
      title: "Consent given at",
      description: expect.stringContaining("recorded with the send"),
    });
    expect(form.required).not.toContain("consentAt");
  });
});
