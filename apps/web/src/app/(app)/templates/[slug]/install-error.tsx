import type { FlowDocument } from "@handoff/flow-core";
import { problemsFromError, problemText } from "../../flows/[flowId]/editor/publish/publish-problems";

/**
 * Why the install was refused: a publish refusal lists every problem of the flow (by step name),
 * anything else is the server's message, which names the connection or field at fault.
 */
export function InstallError({ error, graph, id }: { error: unknown; graph: FlowDocument; id: string }) {
  const problems = problemsFromError(error);
  if (problems && problems.length > 0) {
    return (
      <div role="alert" id={id} className="ho-notice tp-problems">
        <p className="ho-error">The flow could not be published:</p>
        <ul>
          {problems.map((problem) => (
            <li key={`${problem.code}|${problem.nodeId ?? ""}|${problem.field ?? ""}|${problem.message}`}>
              {problemText(problem, graph)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p role="alert" id={id} className="ho-error">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
