"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";

/** The way from the history to the queue, with how many items wait there. */
export function NeedsAttentionLink() {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.attention.count.queryOptions(), refetchInterval: 30_000 });
  return (
    <Link className="ho-button ho-button-secondary" href="/runs/attention">
      Needs attention{count.data === undefined ? "" : ` (${count.data})`}
    </Link>
  );
}
