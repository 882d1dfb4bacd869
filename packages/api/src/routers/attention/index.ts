import { createRouter } from "../../trpc";
import { assignAttentionProcedure } from "./assign-attention";
import { countAttentionProcedure } from "./count-attention";
import { dismissAttentionProcedure } from "./dismiss-attention";
import { getIdentityReviewProcedure } from "./get-identity-review";
import { getRejectedDeliveryProcedure } from "./get-rejected-delivery";
import { listAssigneesProcedure } from "./list-assignees";
import { listAttentionProcedure } from "./list-attention";
import { resolveIdentityReviewProcedure } from "./resolve-identity-review";

/**
 * The needs-attention queue: what needs a person, who is on it, and the ways an item leaves —
 * dismissed with a reason, an identity conflict resolved (a run is retried with `runs.retry`).
 */
export const attentionRouter = createRouter({
  list: listAttentionProcedure,
  count: countAttentionProcedure,
  assignees: listAssigneesProcedure,
  assign: assignAttentionProcedure,
  dismiss: dismissAttentionProcedure,
  identityReview: getIdentityReviewProcedure,
  resolveIdentityReview: resolveIdentityReviewProcedure,
  delivery: getRejectedDeliveryProcedure,
});
