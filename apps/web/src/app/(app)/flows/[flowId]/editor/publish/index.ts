export { DiffView } from "./diff-view";
export { PublishControls } from "./publish-controls";
export { TriggerDetails } from "./trigger-details";
export { VersionHistory } from "./version-history";
export type { VersionRef } from "./version-ref";
