export { StepPanel } from "./step-panel";
