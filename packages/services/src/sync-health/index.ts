export { type GetSyncHealthOptions, getSyncHealth, type SyncHealth } from "./get-sync-health";
export type { HealthFlag, HealthFlagKind } from "./health-flags";
export type { FlowLag } from "./lag-by-flow";
export { LAG_TARGET_MS, lagTargetMs } from "./lag-target";
export type { RunsOnDay } from "./runs-per-day";
export type { SuccessRate } from "./success-rate";
export type { FailingFlow } from "./top-failing-flows";
