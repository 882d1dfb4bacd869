import type { AppRouter } from "@handoff/api";
import type { FlowDocument, FlowNode, FlowOperation, FlowProblem } from "@handoff/flow-core";
import type { inferRouterOutputs } from "@trpc/server";

type RouterOutputs = inferRouterOutputs<AppRouter>;
/** Every connector's triggers and actions, with their props forms and sample outputs (`flows.catalog`). */
export type EditorCatalog = RouterOutputs["flows"]["catalog"];
export type CatalogConnector = EditorCatalog[number];
/** The workspace's connections as the browser sees them (`connections.list`): hints, never secrets. */
export type EditorConnections = RouterOutputs["connections"]["list"];
export type EditorConnection = EditorConnections[number];

/**
 * The contract between the editor's parts: the canvas, the step panel, the test panel and the
 * publish bar all read and change the flow through this, and only through this. Every change is a
 * list of flow-core operations, applied with `applyOperations` in the browser at once and sent to
 * the server (`flows.editDraft`) by the autosave, which applies the same operations.
 */
export interface FlowEditorState {
  flowId: string;
  /** Whether this person may change the flow (role `flows.edit`); false shows it read-only. */
  canEdit: boolean;
  name: string;
  status: "active" | "paused" | "draft";
  /** The published version's number, or null before the first publish. */
  currentVersion: number | null;
  /** The core webhook trigger's stable URL. */
  hookUrl: string;
  draft: FlowDocument;
  /** The server revision `draft` builds on (operations not yet saved are in `unsaved`). */
  revision: number;
  unsaved: readonly FlowOperation[];
  save: { state: "saved" | "saving" | "error" | "conflict"; message?: string };
  /** Problems of the current draft (validated in the browser with the catalog's schemas). */
  problems: readonly FlowProblem[];
  selectedNodeId: string | null;
  /** The latest editor test run, keyed by node id; null before any test. */
  testRun: TestRunView | null;
  /**
   * Optional (test & publish helper): whether the webhook trigger's deliveries must be signed
   * (`flows.get` → `hasHookSecret`). The secret itself is never in the state.
   */
  hasHookSecret?: boolean;
  /**
   * Optional (test & publish helper): whether this person may pause and resume the flow (role
   * `flows.pause`, which a scheduler has without `flows.edit`). Treated as `canEdit` when absent.
   */
  canPause?: boolean;
  /**
   * Optional (test & publish helper): nodes the open diff view marks on the canvas, by node id.
   * Absent or null when no diff is open.
   */
  diffHighlight?: DiffHighlight | null;
  /** Optional (editor core): the connector catalog (`flows.catalog`); undefined while it loads. */
  catalog?: EditorCatalog;
  /**
   * Optional (editor core): the connections this person may see (`connections.list`); undefined
   * while they load, empty when the role cannot read connections.
   */
  connections?: EditorConnections;
}

/** How the canvas marks a node while a diff between two versions is shown. */
export type DiffMark = "added" | "removed" | "changed";
/** The diff view's marks on the canvas, by node id (`diffHighlight`). */
export type DiffHighlight = Record<string, DiffMark>;

export interface TestRunView {
  runId: string;
  status: string;
  finished: boolean;
  steps: Record<string, TestStepView>;
}

export interface TestStepView {
  status: string;
  input: unknown;
  output: unknown;
  error: unknown;
  durationMs: number | null;
}

export interface FlowEditorActions {
  /**
   * Applies operations (optimistically, then autosaved). Returns the refusal message when
   * `applyOperation` refuses one, so the caller can show it next to the field or node.
   */
  apply(operations: readonly FlowOperation[]): { ok: true } | { ok: false; message: string };
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  select(nodeId: string | null): void;
  /** Drops unsaved work and loads the server's draft (after a conflict). */
  reload(): Promise<void>;
  /** Saves now (before publishing or testing) and resolves with the saved revision. */
  flush(): Promise<number>;
  setTestRun(run: TestRunView | null): void;
  /**
   * Optional (test & publish helper): reads the flow's status, current version and
   * `hasHookSecret` from the server again (after publish, rollback, pause), leaving the draft
   * and unsaved work alone.
   */
  refresh?(): Promise<void>;
  /** Optional (test & publish helper): shows a diff on the canvas; null clears it. */
  setDiffHighlight?(highlight: DiffHighlight | null): void;
}

export type FlowEditor = FlowEditorState & FlowEditorActions;

/** The node with this id in the draft, if any. */
export function nodeById(draft: FlowDocument, nodeId: string | null): FlowNode | undefined {
  return nodeId ? draft.nodes.find((node) => node.id === nodeId) : undefined;
}
