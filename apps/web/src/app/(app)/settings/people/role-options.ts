import type { Role } from "@handoff/auth/roles";

/**
 * The roles and their labels, built on the server page and handed to the client components, so
 * the browser bundle never imports `@handoff/auth` (it also holds password hashing).
 */
export interface RoleOption {
  value: Role;
  label: string;
}

export function roleLabel(options: readonly RoleOption[], role: Role): string {
  return options.find((option) => option.value === role)?.label ?? role;
}
