import type { PathsBranch } from "@handoff/flow-core";
import { newGroup } from "./rule-edits";

/**
 * A new branch with a key no other branch has. Keys are the handles edges leave from, so a
 * branch keeps its key for life: renaming a path changes its label only.
 */
export function newBranch(branches: readonly PathsBranch[]): PathsBranch {
  const keys = new Set(branches.map((branch) => branch.key));
  let number = branches.length + 1;
  while (keys.has(`path_${number}`)) number++;
  return { key: `path_${number}`, label: `Path ${branches.length + 1}`, rules: newGroup() };
}
