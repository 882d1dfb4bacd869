export { PRUNE_BATCH_SIZE, type PruneRunHistoryOptions, type PruneSummary, pruneRunHistory } from "./prune-run-history";
