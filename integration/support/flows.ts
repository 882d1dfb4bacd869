import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ActionNode, FlowDocument, JsonValue } from "@handoff/flow-core";

/** An HTTP request action node posting JSON to the sink. */
export function post(id: string, label: string, url: string, body: Record<string, JsonValue>, x = 0): ActionNode {
  return {
    id,
    type: "action" as const,
    connector: "core",
    operation: "http-request",
    label,
    position: { x, y: 0 },
    props: { method: "POST", url, body },
  };
}

export const webhookTrigger = {
  id: "hook",
  type: "trigger" as const,
  connector: "core",
  operation: "webhook",
  label: "Webhook",
  position: { x: 0, y: 0 },
  props: {},
};

export function edge(source: string, target: string, sourceHandle: string | null = null) {
  return { id: `${source}-${sourceHandle ?? "out"}-${target}`, source, sourceHandle, target };
}

export function flowDocument(
  nodes: FlowDocument["nodes"],
  edges: FlowDocument["edges"],
  settings?: FlowDocument["settings"],
): FlowDocument {
  return { schemaVersion: 2, nodes, edges, ...(settings ? { settings } : {}) };
}

/** Writes an export file the way `handoff flows export` does, for `flows import`. */
export async function writeFlowFile(name: string, graph: FlowDocument): Promise<string> {
  const file = path.join(tmpdir(), `handoff-flow-${process.pid}-${Date.now()}-${name.replaceAll(" ", "-")}.json`);
  await writeFile(file, JSON.stringify({ name, graph }));
  return file;
}
