"use client";

import type { FlowNode, FlowOperation, FlowProblem } from "@handoff/flow-core";
import { createContext, useContext } from "react";
import type { DataSource } from "./data-picker/data-sources";

/** What every field of the open step needs, without threading it through each form level. */
export interface StepContextValue {
  node: FlowNode;
  readOnly: boolean;
  /** This step's problems (each field picks its own with `problemsAt`). */
  problems: readonly FlowProblem[];
  /** What the data picker offers: the trigger and the steps that run before this one. */
  dataSources: readonly DataSource[];
  /** Applies operations through the editor; false (and the refusal shown on the panel) when refused. */
  edit(operations: readonly FlowOperation[]): boolean;
}

export const StepContext = createContext<StepContextValue | null>(null);

export function useStep(): StepContextValue {
  const step = useContext(StepContext);
  if (!step) throw new Error("useStep is used outside the step panel");
  return step;
}
