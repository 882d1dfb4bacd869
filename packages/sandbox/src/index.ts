export { FaultPlan } from "./faults";
export { type SandboxServer, type StartSandboxServerOptions, startSandboxServer } from "./server";
export type { Fault, RecordedRequest, SandboxProvider, SandboxRequest, SandboxResponse } from "./types";
