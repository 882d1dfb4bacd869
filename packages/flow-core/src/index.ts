// The flow document: schema and migrations, edit operations, validation, graph walks,
// expressions, conditions and diffs. Pure: no I/O, safe to import in the browser and the worker.

export { isEmptyValue, looselyEqual, toNumber } from "./conditions/coerce";
export type { ConditionOutcome, RuleTrace } from "./conditions/evaluate";
export { evaluateCondition, explainCondition, selectPaths } from "./conditions/evaluate";
export { ConditionError, OPERATORS } from "./conditions/operators";
export type { PatternCheck } from "./conditions/pattern";
export { checkPattern, MAX_PATTERN_INPUT_LENGTH, MAX_PATTERN_LENGTH } from "./conditions/pattern";
export { parseInstant } from "./dates";
export { changedPaths } from "./diff/changed-paths";
export type { EdgeRewire, FlowDiff, NodeChange, ValueChange } from "./diff/diff";
export { diffVersions, hasContentChanges } from "./diff/diff";
export type { CompiledExpression, CompileError, CompileResult } from "./expressions/compile";
export { compileExpression, MAX_EXPRESSION_LENGTH } from "./expressions/compile";
export type { ExpressionContext, ExpressionErrorKind } from "./expressions/evaluate";
export {
  ExpressionError,
  evaluateExpression,
  evaluateTemplate,
  resolveProps,
  resolveTemplates,
} from "./expressions/evaluate";
export { HELPER_NAMES, HelperError, helperFunctions } from "./expressions/functions";
export type { ExpressionReference } from "./expressions/references";
export { EXPRESSION_ROOTS, extractExpressionReferences, extractReferences } from "./expressions/references";
export type {
  ExpressionSegment,
  ParsedTemplate,
  ParseTemplateResult,
  TemplateError,
  TemplateSegment,
  TextSegment,
} from "./expressions/template";
export { asExpressionTemplate, containsExpression, parseTemplate } from "./expressions/template";
export { stronglyConnectedComponents } from "./graph/components";
export type { FlowGraph, GraphIndex } from "./graph/graph-index";
export { indexGraph } from "./graph/graph-index";
export {
  ancestorsOf,
  descendantsOf,
  findCycle,
  findTrigger,
  incomingEdges,
  loopBody,
  outgoingEdges,
  reachableFrom,
  successors,
  topologicalOrder,
  wouldCreateCycle,
} from "./graph/walk";
export {
  allowedHandles,
  CONDITION_FALSE_HANDLE,
  CONDITION_TRUE_HANDLE,
  isHandleAllowed,
  LOOP_BODY_HANDLE,
  LOOP_DONE_HANDLE,
  normalizeHandle,
} from "./handles";
export type { JsonObject, JsonValue, PathSegment } from "./json";
export { formatPath, jsonEqual, toPlainValue, ZJsonValue } from "./json";
export type { DocumentIssue, MigrationErrorCode, MigrationResult, ParseFlowDocumentResult } from "./migrate/migrate";
export { migrateFlowDocument, parseFlowDocument } from "./migrate/migrate";
export type { FlowDocumentV1 } from "./migrate/v1";
export { migrateV1ToV2, ZFlowDocumentV1 } from "./migrate/v1";
export { applyOperation, applyOperations } from "./operations/apply";
export { connectError } from "./operations/connect";
export * from "./operations/schema";
export { computeDelayEnd } from "./runtime/delay";
export { MAX_LOOP_ITEMS, resolveLoopItems } from "./runtime/loop";
export * from "./schema/document";
export * from "./schema/node";
export * from "./schema/rules";
export { isValidTimeZone, ZTimeZone } from "./schema/time-zone";
export * from "./validation/problems";
export type { ConnectorKind, ConnectorSchemaLookup } from "./validation/props";
export { validateStructure } from "./validation/structure";
export type { ValidateFlowOptions } from "./validation/validate-flow";
export { validateFlow } from "./validation/validate-flow";
