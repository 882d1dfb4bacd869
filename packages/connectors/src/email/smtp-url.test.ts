import { ConnectorError } from "@handoff/connector-sdk";
import { describe, expect, it } from "vitest";
import { describeSmtpServer, parseSmtpUrl } from "./smtp-url";

describe("parseSmtpUrl", () => {
  it.each([
    ["smtp://mail.example.com:2525", { host: "mail.example.com", port: 2525, secure: false }],
    ["smtp://mail.example.com", { host: "mail.example.com", port: 587, secure: false }],
    ["smtps://smtp.gmail.com", { host: "smtp.gmail.com", port: 465, secure: true }],
    [" SMTPS://Mail.Example.com:465/ ", { host: "mail.example.com", port: 465, secure: true }],
    ["smtp://[::1]:2525", { host: "::1", port: 2525, secure: false }],
  ])("reads %s", (baseUrl, expected) => {
    expect(parseSmtpUrl(baseUrl)).toEqual(expected);
  });

  it.each([
    [undefined, "is missing"],
    ["   ", "is missing"],
    ["mail.example.com:587", "instead of smtp://"],
    ["https://mail.example.com", "uses https:// instead"],
    ["smtp:mail.example.com", "has no host"],
    ["smtp://", "has no host"],
    ["smtp://mail.example.com:0", "invalid port"],
    ["smtp://mail.example.com:99999", "is not a URL"],
    ["smtp://bob:hunter2@mail.example.com", "contains a username or password"],
    ["smtp://mail.example.com/relay", "has a path"],
    ["smtp://mail.example.com?tls=1", "has a path, query"],
  ])("refuses %j as a final validation error naming baseUrl", (baseUrl, reason) => {
    const error = (() => {
      try {
        parseSmtpUrl(baseUrl);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "final", code: "validation" });
    expect((error as ConnectorError).message).toContain(`(baseUrl) `);
    expect((error as ConnectorError).message).toContain(reason);
    expect((error as ConnectorError).message).not.toContain("hunter2");
  });

  it("describes IPv6 hosts with brackets", () => {
    expect(describeSmtpServer({ host: "::1", port: 25, secure: false })).toBe("[::1]:25");
    expect(describeSmtpServer({ host: "mail.example.com", port: 587, secure: false })).toBe("mail.example.com:587");
  });
});
