export { AttentionInputError, assignAttention, dismissAttention } from "./act-on-attention";
export {
  getIdentityReview,
  type IdentityReview,
  type ReviewCandidate,
  type ReviewKeys,
  ZReviewCandidate,
  ZReviewKeys,
} from "./identity-review";
export { type AttentionItem, type AttentionKind, countAttention, listAttention } from "./list-attention";
export {
  DELIVERY_BODY_PREVIEW_CHARS,
  getRejectedDelivery,
  REDACTED,
  type RejectedDelivery,
  redactDeliveryHeaders,
} from "./rejected-delivery";
