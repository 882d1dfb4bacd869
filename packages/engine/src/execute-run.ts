import type { Database } from "@handoff/db";
import { type FlowDocument, indexGraph, ZFlowDocument } from "@handoff/flow-core";
import type { RunServices } from "./run-services";
import { claimRun, saveSteps, setRunStatus } from "./run-store";
import { StepFailure, WaitUntil } from "./signals";
import type { ExecutionContext } from "./step-context";
import { walkFlow } from "./walk-flow";

export interface ExecuteRunOptions {
  db: Database;
  runId: string;
  signal?: AbortSignal;
  now?: () => Date;
  log?: (message: string, data?: Readonly<Record<string, unknown>>) => void;
  /** Connections and the identity map; without them, steps that need a connection fail clearly. */
  services?: RunServices;
}

/** What the caller (the worker task) must do next. */
export type RunOutcome =
  | { kind: "succeeded" }
  | { kind: "needs_attention"; nodeId: string | null; message: string }
  | { kind: "retry"; at: Date; nodeId: string; message: string }
  | { kind: "wait"; at: Date }
  | { kind: "not_runnable" };

/**
 * Executes (or resumes) one run. Every node is a memoised step, so calling this again for the same
 * run — after a crash, a retry or a wake-up — skips what already succeeded. It never schedules
 * anything itself: a `retry` or `wait` outcome tells the caller when to call again.
 */
export async function executeRun({
  db,
  runId,
  signal = new AbortController().signal,
  now = () => new Date(),
  log = () => {},
  services,
}: ExecuteRunOptions): Promise<RunOutcome> {
  const run = await claimRun(db, runId);
  if (!run) return { kind: "not_runnable" };
  const graph = parseVersionGraph(run.versionId, run.graph);
  if (!graph) {
    const message = "The flow version this run pinned is not a valid flow document";
    await setRunStatus(db, runId, "needs_attention", { nodeId: null, message });
    return { kind: "needs_attention", nodeId: null, message };
  }
  const execution: ExecutionContext = {
    db,
    runId,
    workspaceId: run.workspaceId,
    services,
    knownSecrets: new Set(),
    graph,
    index: indexGraph(graph),
    triggerPayload: run.triggerPayload,
    memo: run.steps,
    pendingSteps: [],
    signal,
    now,
    log,
  };
  try {
    await walkFlow(execution);
    await setRunStatus(db, runId, "succeeded", null, execution.pendingSteps.splice(0));
    return { kind: "succeeded" };
  } catch (thrown) {
    if (thrown instanceof WaitUntil) {
      await setRunStatus(
        db,
        runId,
        "waiting",
        { waitingUntil: thrown.at.toISOString(), stepKey: thrown.stepKey },
        execution.pendingSteps.splice(0),
      );
      return { kind: "wait", at: thrown.at };
    }
    if (!(thrown instanceof StepFailure)) {
      await saveSteps(db, execution.pendingSteps.splice(0));
      throw thrown;
    }
    const { nodeId, nodeLabel, stepKey, attempt, error, retryAt } = thrown.details;
    const recorded = { nodeId, nodeLabel, stepKey, attempt, ...error.toJSON(), message: thrown.message };
    if (retryAt) {
      await setRunStatus(
        db,
        runId,
        "waiting",
        { ...recorded, retryAt: retryAt.toISOString() },
        execution.pendingSteps.splice(0),
      );
      return { kind: "retry", at: retryAt, nodeId, message: thrown.message };
    }
    await setRunStatus(db, runId, "needs_attention", recorded, execution.pendingSteps.splice(0));
    return { kind: "needs_attention", nodeId, message: thrown.message };
  }
}

// Versions are immutable, so a parsed graph can be kept for as long as the process lives.
const parsedVersions = new Map<string, FlowDocument | null>();
const MAX_CACHED_VERSIONS = 500;

function parseVersionGraph(versionId: string | null, graph: unknown): FlowDocument | null {
  // A test run's draft is its own: parsed once, never cached.
  if (versionId === null) {
    const parsed = ZFlowDocument.safeParse(graph);
    return parsed.success ? parsed.data : null;
  }
  const cached = parsedVersions.get(versionId);
  if (cached !== undefined) return cached;
  const parsed = ZFlowDocument.safeParse(graph);
  const value = parsed.success ? parsed.data : null;
  if (parsedVersions.size >= MAX_CACHED_VERSIONS) parsedVersions.clear();
  parsedVersions.set(versionId, value);
  return value;
}
