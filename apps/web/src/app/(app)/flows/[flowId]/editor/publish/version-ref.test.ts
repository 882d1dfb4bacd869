import { describe, expect, it } from "vitest";
import { comparisonTitle, olderFirst, parseVersionRef } from "./version-ref";

describe("olderFirst", () => {
  it("puts the older side first, the draft always last", () => {
    expect(olderFirst(2, 1)).toEqual([1, 2]);
    expect(olderFirst(1, 2)).toEqual([1, 2]);
    expect(olderFirst("draft", 3)).toEqual([3, "draft"]);
    expect(olderFirst(3, "draft")).toEqual([3, "draft"]);
  });
});

describe("comparisonTitle", () => {
  it("names both sides", () => {
    expect(comparisonTitle(1, 2)).toBe("Changes between version 1 and version 2");
    expect(comparisonTitle(1, "draft")).toBe("Changes between version 1 and the current draft");
  });
});

describe("parseVersionRef", () => {
  it("reads select values", () => {
    expect(parseVersionRef("draft")).toBe("draft");
    expect(parseVersionRef("3")).toBe(3);
    expect(parseVersionRef("")).toBeNull();
    expect(parseVersionRef("0")).toBeNull();
    expect(parseVersionRef("1.5")).toBeNull();
  });
});
