import type { ConnectorError } from "@handoff/connector-sdk";

/** Thrown through the walk when a delay node has to wait: the run sleeps until `at`. */
export class WaitUntil {
  constructor(
    readonly at: Date,
    readonly stepKey: string,
  ) {}
}

export interface StepFailureDetails {
  nodeId: string;
  nodeLabel: string;
  stepKey: string;
  attempt: number;
  error: ConnectorError;
  /** Set when the error is retriable and attempts remain. */
  retryAt?: Date;
}

/** A step failed for good (needs attention) or for now (retry at `retryAt`). */
export class StepFailure extends Error {
  override name = "StepFailure";
  constructor(readonly details: StepFailureDetails) {
    super(`Step "${details.nodeLabel}" (${details.nodeId}) failed: ${details.error.message}`);
  }
}
