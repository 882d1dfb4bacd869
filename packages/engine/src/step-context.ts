import type { Database } from "@handoff/db";
import type { ExpressionContext, FlowDocument, FlowNode, GraphIndex } from "@handoff/flow-core";
import type { RunServices } from "./run-services";
import type { StepRecord, StoredStep } from "./run-store";

/** What every step of one execution shares. */
export interface ExecutionContext {
  db: Database;
  runId: string;
  workspaceId: string;
  services: RunServices | undefined;
  /** Credential values of the connections used so far: never written to a step record. */
  knownSecrets: Set<string>;
  graph: FlowDocument;
  index: GraphIndex;
  triggerPayload: unknown;
  memo: Map<string, StoredStep>;
  /**
   * Records of succeeded steps not yet written: they go to the database just before the next
   * side effect starts, or with the run's final status — one statement instead of one per step.
   */
  pendingSteps: StepRecord[];
  signal: AbortSignal;
  now: () => Date;
  log: (message: string, data?: Readonly<Record<string, unknown>>) => void;
}

/** The outputs visible to expressions: per iteration inside a loop, so a copy per scope. */
export function expressionContext(execution: ExecutionContext, steps: Record<string, unknown>): ExpressionContext {
  return {
    trigger: execution.triggerPayload,
    steps,
    vars: execution.graph.vars ?? {},
    timeZone: execution.graph.settings?.timeZone,
  };
}

/** What a node's step produced, and which of its handles the walk continues through. */
export interface NodeResult {
  output: unknown;
  handles: string[];
  /** A filter that did not pass: nothing after it runs (in its loop iteration, or at all). */
  stop?: boolean;
}

export type StepRunner = (node: FlowNode, stepKey: string, steps: Record<string, unknown>) => Promise<NodeResult>;
