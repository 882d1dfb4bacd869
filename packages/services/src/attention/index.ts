export { AttentionInputError, assignAttention, dismissAttention } from "./act-on-attention";
export { type AttentionItem, type AttentionKind, countAttention, listAttention } from "./list-attention";
