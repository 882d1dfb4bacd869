import { z } from "zod";

export const ROLES = ["owner", "editor", "operator", "viewer"] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

export const ROLE_LABELS = {
  owner: "Owner",
  editor: "Office manager",
  operator: "Scheduler",
  viewer: "Bookkeeper",
} as const satisfies Record<Role, string>;

/**
 * Every server call declares one of these. The table below is the only place that says which
 * role may do what; the UI reads it to hide controls, the server enforces it.
 */
export const PERMISSIONS = {
  "workspace.read": ["owner", "editor", "operator", "viewer"],
  "account.manage": ["owner", "editor", "operator", "viewer"],
  "workspace.manage": ["owner"],
  "members.manage": ["owner"],
  "audit.read": ["owner"],
  "customers.manage": ["owner"],
  "flows.read": ["owner", "editor", "operator", "viewer"],
  "flows.edit": ["owner", "editor"],
  "flows.pause": ["owner", "editor", "operator"],
  "connections.read": ["owner", "editor"],
  "connections.manage": ["owner", "editor"],
  "runs.read": ["owner", "editor", "operator", "viewer"],
  "runs.operate": ["owner", "editor", "operator"],
  "templates.install": ["owner", "editor"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
