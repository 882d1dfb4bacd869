"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { PAST_RUNS_OFFERED } from "./past-runs";

/** The flow's latest runs, live and test, read only while "A past run's event" is chosen. */
export function usePastRuns(flowId: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.runs.list.queryOptions({ flowId, limit: PAST_RUNS_OFFERED }), enabled });
}
