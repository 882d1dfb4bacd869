import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "./roles";

describe("permissions", () => {
  it("gives the owner every permission", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can("owner", permission)).toBe(true);
    }
  });

  it("keeps the bookkeeper to reading (and to their own account)", () => {
    const allowed = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can("viewer", p));
    expect(allowed.every((p) => p.endsWith(".read") || p === "account.manage")).toBe(true);
    expect(can("viewer", "connections.read")).toBe(false);
  });

  it("lets the scheduler operate runs but not edit flows or see connections", () => {
    expect(can("operator", "runs.operate")).toBe(true);
    expect(can("operator", "flows.pause")).toBe(true);
    expect(can("operator", "flows.edit")).toBe(false);
    expect(can("operator", "connections.read")).toBe(false);
  });

  it("never lets anyone but the owner manage members", () => {
    expect(ROLES.filter((role) => can(role, "members.manage"))).toEqual(["owner"]);
  });
});
