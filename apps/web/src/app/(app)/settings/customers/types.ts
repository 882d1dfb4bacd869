import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["customers"];

export type CustomerSummary = Outputs["find"];
