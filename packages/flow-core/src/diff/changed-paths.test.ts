import { describe, expect, it } from "vitest";
import { changedPaths } from "./changed-paths";

describe("changedPaths", () => {
  it("reports the deepest differing paths", () => {
    const before = { email: "a@b.co", address: { city: "Paris", zip: "75011" }, tags: ["a", "b"] };
    const after = { email: "a@b.co", address: { city: "Lyon", zip: "75011" }, tags: ["a", "c", "d"], extra: 1 };
    expect(changedPaths(before, after, ["props"])).toEqual([
      "props.address.city",
      "props.extra",
      "props.tags[1]",
      "props.tags[2]",
    ]);
  });

  it("reports a change of shape at the path where it happens", () => {
    expect(changedPaths({ a: { b: 1 } }, { a: "{{ trigger.a }}" }, ["props"])).toEqual(["props.a"]);
    expect(changedPaths({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
