import { applyOperations, type FlowDocument, type FlowOperation, type FlowProblem } from "@handoff/flow-core";
import { EditHistory } from "./edit-history";
import type { FlowEditorState } from "./editor-contract";
import { applyWithInverse } from "./inverse-operations";

/** The draft as the server has it. */
export interface ServerDraft {
  draft: FlowDocument;
  revision: number;
  problems: readonly FlowProblem[];
}

export type SaveResult =
  | ({ ok: true } & ServerDraft)
  /** conflict: the server has a newer revision; refused: it rejected an operation; failed: anything else (network). */
  | { ok: false; kind: "conflict" | "refused" | "failed"; message: string };

export interface DraftSessionOptions {
  initial: ServerDraft;
  /** Sends operations made on top of `baseRevision` (`flows.editDraft`). */
  save(baseRevision: number, operations: FlowOperation[]): Promise<SaveResult>;
  /** Quiet time after the last edit before saving. */
  quietMs?: number;
  /** Wait before retrying a save that failed for a reason other than a conflict or a refusal. */
  retryMs?: number;
}

export interface DraftSnapshot {
  draft: FlowDocument;
  revision: number;
  unsaved: readonly FlowOperation[];
  save: FlowEditorState["save"];
  /** The problems the server reported for `revision`. */
  serverProblems: readonly FlowProblem[];
  canUndo: boolean;
  canRedo: boolean;
}

export type ApplyResult = { ok: true } | { ok: false; message: string };

/** What the presence poll's answer meant for this session. */
export type ServerObservation = "current" | "loaded" | "conflict" | "busy";

export const CONFLICT_MESSAGE = "Someone else changed this flow since you opened it";
/** The server takes at most this many operations per save. */
const MAX_OPERATIONS_PER_SAVE = 500;

interface FlushWaiter {
  resolve(revision: number): void;
  reject(error: Error): void;
}

/**
 * The editor's draft between the browser and the server: applies operations at once, keeps the
 * undo history, and autosaves after a quiet moment with one request in flight at a time. A stale
 * save is never retried over a newer draft: the session stops at "conflict" until it is reloaded.
 * Framework-free, so the whole save protocol is testable without a browser.
 */
export class DraftSession {
  private confirmed: ServerDraft;
  private draft: FlowDocument;
  private pending: FlowOperation[] = [];
  private inFlight: FlowOperation[] = [];
  private saveState: DraftSnapshot["save"] = { state: "saved" };
  private readonly history = new EditHistory();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiters: FlushWaiter[] = [];
  /** Bumped by every load, so that an answer to a save sent before it is ignored. */
  private generation = 0;
  private snapshot: DraftSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: DraftSessionOptions) {
    this.confirmed = options.initial;
    this.draft = options.initial.draft;
    this.snapshot = this.buildSnapshot();
  }

  getSnapshot = (): DraftSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(operations: readonly FlowOperation[]): ApplyResult {
    if (operations.length === 0) return { ok: true };
    const result = this.applyLocally(operations);
    if (result.ok) this.history.record({ forward: [...operations], inverse: result.inverse });
    this.emit();
    return result.ok ? { ok: true } : result;
  }

  undo(): ApplyResult {
    return this.replay(this.history.takeUndo(), "undo");
  }

  redo(): ApplyResult {
    return this.replay(this.history.takeRedo(), "redo");
  }

  /** Saves what is unsaved now and resolves with the revision that includes it. */
  flush(): Promise<number> {
    if (this.saveState.state === "conflict") return Promise.reject(new Error(CONFLICT_MESSAGE));
    if (this.pending.length === 0 && this.inFlight.length === 0) return Promise.resolve(this.confirmed.revision);
    return new Promise<number>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (this.inFlight.length === 0) this.sendNow();
    });
  }

  /** Replaces everything with the server's draft: unsaved work, history and any conflict are dropped. */
  load(server: ServerDraft): void {
    this.generation += 1;
    this.clearTimer();
    this.confirmed = server;
    this.draft = server.draft;
    this.pending = [];
    this.inFlight = [];
    this.history.clear();
    this.saveState = { state: "saved" };
    this.rejectWaiters("The draft was reloaded from the server");
    this.emit();
  }

  /**
   * The presence poll saw `server`. A newer draft replaces ours when we have nothing unsaved; with
   * unsaved work it is a conflict (never merged, never overwritten).
   */
  observe(server: ServerDraft): ServerObservation {
    if (this.inFlight.length > 0) return "busy";
    if (server.revision <= this.confirmed.revision) return "current";
    if (this.pending.length === 0 && this.saveState.state !== "conflict") {
      this.load(server);
      return "loaded";
    }
    this.enterConflict();
    return "conflict";
  }

  /** Stops the autosave timer and ignores answers still to come (the page is going away). */
  dispose(): void {
    this.clearTimer();
    this.generation += 1;
  }

  private applyLocally(operations: readonly FlowOperation[]) {
    if (this.saveState.state === "conflict") {
      return { ok: false as const, message: `${CONFLICT_MESSAGE}: reload to keep editing` };
    }
    const result = applyWithInverse(this.draft, operations);
    if (!result.ok) return { ok: false as const, message: result.error.message };
    this.draft = result.graph;
    this.pending.push(...operations);
    this.saveState = { state: "saving" };
    this.scheduleSave(this.options.quietMs ?? 700);
    return { ok: true as const, inverse: result.inverse };
  }

  private replay(entry: ReturnType<EditHistory["takeUndo"]>, direction: "undo" | "redo"): ApplyResult {
    if (!entry) return { ok: false, message: `Nothing to ${direction}` };
    const operations = direction === "undo" ? entry.inverse : entry.forward;
    const result = this.applyLocally(operations);
    // On failure the graph moved on in a way this entry no longer fits: it stays dropped, which
    // beats a half-applied undo.
    if (result.ok && direction === "undo") this.history.pushRedo(entry);
    if (result.ok && direction === "redo") this.history.pushUndo(entry);
    this.emit();
    return result.ok ? { ok: true } : result;
  }

  private scheduleSave(delayMs: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, delayMs);
  }

  private sendNow(): void {
    this.clearTimer();
    void this.send();
  }

  private async send(): Promise<void> {
    if (this.inFlight.length > 0 || this.pending.length === 0 || this.saveState.state === "conflict") return;
    const generation = this.generation;
    this.inFlight = this.pending.slice(0, MAX_OPERATIONS_PER_SAVE);
    this.pending = this.pending.slice(this.inFlight.length);
    this.saveState = { state: "saving" };
    this.emit();
    let result: SaveResult;
    try {
      result = await this.options.save(this.confirmed.revision, this.inFlight);
    } catch (error) {
      result = { ok: false, kind: "failed", message: error instanceof Error ? error.message : String(error) };
    }
    if (generation !== this.generation) return;
    if (result.ok) this.saved(result);
    else if (result.kind === "conflict") this.enterConflict();
    else if (result.kind === "refused") this.refused(result.message);
    else this.failed(result.message);
  }

  private saved(server: ServerDraft): void {
    this.confirmed = { draft: server.draft, revision: server.revision, problems: server.problems };
    this.inFlight = [];
    // Edits made while the save was in flight are replayed on the server's answer (the same result
    // when both sides agree, which they do: they run the same applyOperations).
    const rebased = applyOperations(server.draft, this.pending);
    if (rebased.ok) {
      this.draft = rebased.graph;
    } else {
      this.draft = server.draft;
      this.pending = [];
      this.history.clear();
    }
    this.saveState = this.pending.length > 0 ? { state: "saving" } : { state: "saved" };
    if (this.pending.length === 0) this.resolveWaiters();
    else if (this.waiters.length > 0) this.sendNow();
    else if (this.timer === undefined) this.scheduleSave(this.options.quietMs ?? 700);
    this.emit();
  }

  private enterConflict(): void {
    this.clearTimer();
    this.pending = [...this.inFlight, ...this.pending];
    this.inFlight = [];
    this.saveState = { state: "conflict", message: CONFLICT_MESSAGE };
    this.rejectWaiters(CONFLICT_MESSAGE);
    this.emit();
  }

  /** The server refused operations the browser accepted: they are dropped, the rest kept if they still apply. */
  private refused(message: string): void {
    this.inFlight = [];
    const rebased = applyOperations(this.confirmed.draft, this.pending);
    this.draft = rebased.ok ? rebased.graph : this.confirmed.draft;
    if (!rebased.ok) this.pending = [];
    this.history.clear();
    this.saveState = { state: "error", message };
    this.rejectWaiters(message);
    if (this.pending.length > 0) this.scheduleSave(this.options.quietMs ?? 700);
    this.emit();
  }

  private failed(message: string): void {
    this.pending = [...this.inFlight, ...this.pending];
    this.inFlight = [];
    this.saveState = { state: "error", message };
    this.rejectWaiters(message);
    this.scheduleSave(this.options.retryMs ?? 5_000);
    this.emit();
  }

  private resolveWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve(this.confirmed.revision);
  }

  private rejectWaiters(message: string): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new Error(message));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): DraftSnapshot {
    return {
      draft: this.draft,
      revision: this.confirmed.revision,
      unsaved: [...this.inFlight, ...this.pending],
      save: this.saveState,
      serverProblems: this.confirmed.problems,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
    };
  }
}
