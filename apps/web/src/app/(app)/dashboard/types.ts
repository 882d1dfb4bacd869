import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;

export type SyncHealth = Outputs["dashboard"]["syncHealth"];
export type RunsOnDay = SyncHealth["perDay"][number];
export type FlowLag = SyncHealth["lagByFlow"][number];
export type FailingFlow = SyncHealth["topFailingFlows"][number];
export type HealthFlag = SyncHealth["flags"][number];
export type WorkspaceOverview = Outputs["workspace"]["overview"];
