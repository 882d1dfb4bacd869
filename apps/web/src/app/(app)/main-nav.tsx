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
    const section = (
      <Link key={href} href={href} className="ho-nav-link" aria-current={active ? "page" : undefined}>
        {label}
      </Link>
    );
    if (count === 0) return section;
    // Links cannot nest: the count is a link of its own, to the queue, beside "Runs" (the history).
    return (
      <div key={href} style={{ display: "flex", alignItems: "center" }}>
        <div style={{ flex: 1 }}>{section}</div>
        <Link
          href="/runs/attention"
          className="ho-nav-count"
          title={`${count} need attention`}
          aria-label={`${count} need attention`}
          style={{ textDecoration: "none", marginRight: "0.5rem" }}
        >
          {count}
        </Link>
      </div>
    );
  });
}
