import { extractReferences, parseTemplate } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { insertReference, referenceFor } from "./reference-path";

describe("referenceFor", () => {
  it("writes paths with dots, indexes in brackets, and quotes names jsonata would misread", () => {
    expect(referenceFor(["trigger", "attendees", 0, "email"])).toBe("trigger.attendees[0].email");
    expect(referenceFor(["steps", "find_contact", "id"])).toBe("steps.find_contact.id");
    expect(referenceFor(["steps", "crm", "first-name"])).toBe("steps.crm.`first-name`");
    expect(referenceFor(["trigger", "2fa", "$price", "my key"])).toBe("trigger.`2fa`.`$price`.`my key`");
  });

  it("refuses keys that cannot be written or must never be read", () => {
    expect(referenceFor(["trigger", "a`b"])).toBeUndefined();
    expect(referenceFor(["trigger", "__proto__"])).toBeUndefined();
    expect(referenceFor(["trigger", ""])).toBeUndefined();
    expect(referenceFor([0])).toBeUndefined();
    expect(referenceFor([])).toBeUndefined();
  });

  it("produces references the flow validator reads as the right step", () => {
    for (const [path, expected] of [
      [["trigger", "attendees", 0, "email"], { root: "trigger" }],
      [["steps", "find_contact", "contact", "properties", "first-name"], { root: "steps", nodeId: "find_contact" }],
      [["steps", "loop_1", "item", "and"], { root: "steps", nodeId: "loop_1" }],
    ] as const) {
      const template = `Dear {{ ${referenceFor(path)} }}`;
      expect(parseTemplate(template).ok).toBe(true);
      expect(extractReferences(template)).toEqual([expected]);
    }
  });
});

describe("insertReference", () => {
  it("inserts at the caret, replacing a selection", () => {
    expect(insertReference("Hello !", { start: 6, end: 6 }, "trigger.name")).toEqual({
      text: "Hello {{ trigger.name }}!",
      caret: 24,
    });
    expect(insertReference("Hello NAME!", { start: 6, end: 10 }, "trigger.name").text).toBe(
      "Hello {{ trigger.name }}!",
    );
  });

  it("appends when the field was never focused", () => {
    expect(insertReference("", null, "steps.crm.id")).toEqual({ text: "{{ steps.crm.id }}", caret: 18 });
    expect(insertReference("Invoice for", null, "trigger.name").text).toBe("Invoice for {{ trigger.name }}");
  });

  it("keeps a stale caret inside the text", () => {
    expect(insertReference("ab", { start: 10, end: 12 }, "trigger.x").text).toBe("ab{{ trigger.x }}");
  });
});
