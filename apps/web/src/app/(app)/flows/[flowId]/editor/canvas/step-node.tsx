"use client";

import { Handle, type NodeProps, Position, useUpdateNodeInternals } from "@xyflow/react";
import { memo, useEffect } from "react";
import type { StepCanvasNode } from "./flow-to-canvas";
import { CATEGORY_COLORS } from "./node-appearance";
import { TestResultBadge } from "./test-result-badge";

/** One step on the canvas: what it is, whether it has problems, and how it did in the last test. */
function StepNodeView({ id, data, selected }: NodeProps<StepCanvasNode>) {
  const classes = ["fe-node", selected ? "fe-node-selected" : "", data.diff ? `fe-node-diff-${data.diff}` : ""];
  // A paths branch added or removed changes the handles without resizing the node: React Flow
  // must be told, or edges on the new handle have nowhere to start.
  const updateNodeInternals = useUpdateNodeInternals();
  const handleIds = data.outputs.map((output) => output.id).join("\n");
  useEffect(() => {
    if (handleIds) updateNodeInternals(id);
  }, [id, handleIds, updateNodeInternals]);
  return (
    <div className={classes.filter(Boolean).join(" ")} style={{ borderLeftColor: CATEGORY_COLORS[data.category] }}>
      {data.hasInput ? <Handle type="target" position={Position.Top} className="fe-handle" /> : null}
      <div className="fe-node-kind">
        <span>{data.kind}</span>
        {data.diff ? <span className="fe-node-diff-tag">{data.diff}</span> : null}
      </div>
      <div className="fe-node-label">{data.label}</div>
      {data.operation ? <div className="fe-node-operation">{data.operation}</div> : null}
      {data.problemCount > 0 || data.test ? (
        <div className="fe-node-badges">
          {data.problemCount > 0 ? (
            <span
              className="ho-badge ho-badge-danger"
              role="img"
              aria-label={`${data.problemCount} ${data.problemCount === 1 ? "problem" : "problems"}`}
            >
              ⚠ {data.problemCount}
            </span>
          ) : null}
          {data.test ? <TestResultBadge status={data.test.status} durationMs={data.test.durationMs} /> : null}
        </div>
      ) : null}
      <div className="fe-node-outputs">
        {data.outputs.map((output) => (
          <div key={output.id} className="fe-node-output">
            {output.label ? <span className="fe-node-output-label">{output.label}</span> : null}
            <Handle type="source" id={output.id} position={Position.Bottom} className="fe-handle" />
          </div>
        ))}
      </div>
    </div>
  );
}

export const StepNode = memo(StepNodeView);
