"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/flows", label: "Flows" },
  { href: "/runs", label: "Runs" },
  { href: "/templates", label: "Templates" },
  { href: "/connections", label: "Connections" },
  { href: "/settings", label: "Settings" },
] as const;

export function MainNav() {
  const pathname = usePathname();
  return LINKS.map(({ href, label }) => {
    const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
    return (
      <Link key={href} href={href} className="ho-nav-link" aria-current={active ? "page" : undefined}>
        {label}
      </Link>
    );
  });
}
