import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["attention"];

export type AttentionItem = Outputs["list"][number];
export type AttentionKind = AttentionItem["kind"];
export type Assignee = Outputs["assignees"][number];
export type IdentityReview = Outputs["identityReview"];
export type IdentityResolution = Outputs["resolveIdentityReview"];
export type RejectedDelivery = Outputs["delivery"];
