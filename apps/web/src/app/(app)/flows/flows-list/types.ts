import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";

export type FlowListItem = inferRouterOutputs<AppRouter>["flows"]["list"][number];
export type FlowStatus = FlowListItem["status"];
