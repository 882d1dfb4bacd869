"use client";

import type { ConnectorNode, JsonValue } from "@handoff/flow-core";
import { useCallback, useEffect, useRef } from "react";
import { useStep } from "../step-context";

/**
 * Saves one top-level prop: `update_props` merge to set it; a replace without it to remove it
 * (merge cannot delete a key). Writes in the same tick (fields flushing as the panel closes) see
 * each other through `shadow`, so a removal never drops a value merged just before it.
 */
export function usePropWriter(node: ConnectorNode): (key: string, value: unknown) => void {
  const { edit } = useStep();
  const shadow = useRef(node.props);
  useEffect(() => {
    shadow.current = node.props;
  }, [node.props]);

  return useCallback(
    (key: string, value: unknown) => {
      const current = shadow.current;
      if (value === undefined) {
        if (!Object.hasOwn(current, key)) return;
        const { [key]: _removed, ...rest } = current;
        if (edit([{ type: "update_props", nodeId: node.id, mode: "replace", props: rest }])) shadow.current = rest;
        return;
      }
      const props = { [key]: value as JsonValue };
      if (edit([{ type: "update_props", nodeId: node.id, mode: "merge", props }])) {
        shadow.current = { ...current, ...props };
      }
    },
    [edit, node.id],
  );
}
