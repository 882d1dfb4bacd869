export { type LogEntry, type RunActionOptions, runAction } from "./run-action";
