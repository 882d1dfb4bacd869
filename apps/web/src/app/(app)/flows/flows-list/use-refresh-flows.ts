"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** After any change, the list is read again; returning the promise keeps the mutation pending until it is. */
export function useRefreshFlows() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
}
