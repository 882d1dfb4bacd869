export { JsonTree } from "./json-tree";
export { TestPanel } from "./test-panel";
