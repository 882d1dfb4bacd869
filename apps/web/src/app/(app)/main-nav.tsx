"use client";

import { can, type Permission, type Role } from "@handoff/auth/roles";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Each section names the permission that opens it; the nav only hides, the server decides. */
const LINKS: readonly { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Dashboard", permission: "workspace.read" },
  { href: "/flows", label: "Flows", permission: "flows.read" },
  { href: "/runs", label: "Runs", permission: "runs.read" },
  { href: "/templates", label: "Templates", permission: "templates.install" },
  { href: "/connections", label: "Connections", permission: "connections.read" },
  { href: "/settings", label: "Settings", permission: "account.manage" },
];

export function MainNav({ role }: { role: Role }) {
  const pathname = usePathname();
  return LINKS.filter(({ permission }) => can(role, permission)).map(({ href, label }) => {
    const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
    return (
      <Link key={href} href={href} className="ho-nav-link" aria-current={active ? "page" : undefined}>
        {label}
      </Link>
    );
  });
}
