import { diffVersions, type FlowDocument, type FlowNode } from "@handoff/flow-core";

/**
 * What changed from the version a run ran to the current one, as short sentences for the run
 * page ("Added: Send reminder", "Changed: Create invoice — props.dueDays"). Steps only dragged
 * on the canvas are left out: nothing they do changed.
 */
export function describeVersionChanges(ran: FlowDocument, current: FlowDocument): string[] {
  const diff = diffVersions(ran, current);
  const sentences = [
    ...diff.nodes.added.map((node) => `Added: ${labelOf(node)}`),
    ...diff.nodes.removed.map((node) => `Removed: ${labelOf(node)}`),
    ...diff.nodes.changed
      .filter((change) => !change.positionOnly)
      .map((change) => {
        const what = [
          change.labelChange ? "label" : null,
          change.type ? "step type" : null,
          change.connector || change.operation ? "action" : null,
          ...change.props,
          ...change.settings,
        ].filter((part) => part !== null);
        return `Changed: ${change.label || change.nodeId} — ${what.join(", ")}`;
      }),
  ];
  const rewired = diff.edges.added.length + diff.edges.removed.length + diff.edges.rewired.length;
  if (rewired > 0) sentences.push(`Connections between steps: ${rewired} ${rewired === 1 ? "change" : "changes"}`);
  if (diff.vars.length > 0) sentences.push(`Flow variables: ${diff.vars.join(", ")}`);
  if (diff.settings.length > 0) sentences.push(`Flow settings: ${diff.settings.join(", ")}`);
  return sentences;
}

function labelOf(node: FlowNode): string {
  return node.label || node.id;
}
