"use client";

import type { FlowDocument } from "@handoff/flow-core";
import { useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";

/**
 * Pans the canvas to the selected node when it cannot be seen: a step just added from the palette
 * below the fold, or a node picked from the publish problems. Rendered inside <ReactFlow>.
 */
export function FollowSelection({ draft, nodeId }: { draft: FlowDocument; nodeId: string | null }) {
  const { getInternalNode, getViewport, setCenter } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const known = useRef<ReadonlySet<string>>(new Set(draft.nodes.map((node) => node.id)));

  useEffect(() => {
    const isNew = nodeId !== null && !known.current.has(nodeId);
    known.current = new Set(draft.nodes.map((node) => node.id));
    if (!nodeId || width === 0 || height === 0) return;
    // One frame later the new node has been measured.
    const frame = requestAnimationFrame(() => {
      const node = getInternalNode(nodeId);
      if (!node) return;
      const { x, y, zoom } = getViewport();
      const nodeWidth = node.measured.width ?? 220;
      const nodeHeight = node.measured.height ?? 80;
      const left = node.internals.positionAbsolute.x * zoom + x;
      const top = node.internals.positionAbsolute.y * zoom + y;
      const right = left + nodeWidth * zoom;
      const bottom = top + nodeHeight * zoom;
      const fullyInside = left >= 0 && top >= 0 && right <= width && bottom <= height;
      const outside = right <= 0 || bottom <= 0 || left >= width || top >= height;
      if (fullyInside || (!isNew && !outside)) return;
      void setCenter(
        node.internals.positionAbsolute.x + nodeWidth / 2,
        node.internals.positionAbsolute.y + nodeHeight / 2,
        {
          zoom,
          duration: 150,
        },
      );
    });
    return () => cancelAnimationFrame(frame);
  }, [draft, nodeId, width, height, getInternalNode, getViewport, setCenter]);

  return null;
}
