import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";

export type SyncReviewView = inferRouterOutputs<AppRouter>["workspace"]["syncReview"];
export type ReviewFlow = NonNullable<SyncReviewView["reviewFlow"]>;
export type ReviewWeek = "this" | "last";
