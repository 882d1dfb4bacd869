import type { FlowProblem } from "@handoff/flow-core";
import type { ServerDraft } from "./draft-session";
import type { FlowEditorState } from "./editor-contract";

/** The parts of `flows.get` the editor reads. */
export interface LoadedFlow {
  name: string;
  status: FlowEditorState["status"];
  draft: FlowEditorState["draft"];
  draftRevision: number;
  currentVersion: { number: number } | null;
  hookUrl: string;
  hasHookSecret: boolean;
  problems: { code: string; message: string; nodeId?: string; edgeId?: string; field?: string }[];
}

export function serverDraftOf(flow: LoadedFlow): ServerDraft {
  // The server's problem codes are flow-core's; the wire schema types them as plain strings.
  return { draft: flow.draft, revision: flow.draftRevision, problems: flow.problems as FlowProblem[] };
}
