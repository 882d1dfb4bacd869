import type { AppRouter } from "@handoff/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Inputs = inferRouterInputs<AppRouter>["runs"];
type Outputs = inferRouterOutputs<AppRouter>["runs"];

/** What `runs.list` narrows by, without its page cursor and size. */
export type RunListFilters = Omit<Inputs["list"], "cursor" | "limit">;
export type RunListItem = Outputs["list"]["runs"][number];
export type RunDetail = Outputs["get"];
export type RunStep = RunDetail["steps"][number];
export type RetryManyResult = Outputs["retryMany"];
