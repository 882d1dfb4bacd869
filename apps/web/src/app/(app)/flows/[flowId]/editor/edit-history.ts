import type { FlowOperation } from "@handoff/flow-core";

export interface HistoryEntry {
  /** What the person did. */
  forward: FlowOperation[];
  /** What takes the draft back to before it, computed from the graph at the time. */
  inverse: FlowOperation[];
}

/** Enough to walk back a long session; older entries fall off. */
const MAX_ENTRIES = 200;

/** Undo and redo stacks of operation batches. */
export class EditHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** A new edit: it can be undone, and what was undone before it can no longer be redone. */
  record(entry: HistoryEntry): void {
    this.pushUndo(entry);
    this.redoStack = [];
  }

  takeUndo(): HistoryEntry | undefined {
    return this.undoStack.pop();
  }

  takeRedo(): HistoryEntry | undefined {
    return this.redoStack.pop();
  }

  pushUndo(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
  }

  pushRedo(entry: HistoryEntry): void {
    this.redoStack.push(entry);
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
