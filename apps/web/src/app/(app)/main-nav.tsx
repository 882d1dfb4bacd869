"use client";

import { can, type Permission, type Role } from "@handoff/auth/roles";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTRPC } from "~/trpc/react";

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
  const trpc = useTRPC();
  // What needs a person, beside "Runs"; refreshed every half minute.
  const attention = useQuery({ ...trpc.attention.count.queryOptions(), refetchInterval: 30_000 });
  return LINKS.filter(({ permission }) => can(role, permission)).map(({ href, label }) => {
    const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
    const count = href === "/runs" ? (attention.data ?? 0) : 0;
    return (
      <Link key={href} href={href} className="ho-nav-link" aria-current={active ? "page" : undefined}>
        {label}
        {count > 0 ? (
          <span className="ho-nav-count" title={`${count} need attention`}>
            {count}
          </span>
        ) : null}
      </Link>
    );
  });
}
