import { type ConnectorSchemaLookup, type FlowDocument, type FlowProblem, validateFlow } from "@handoff/flow-core";
import { z } from "zod";
import type { EditorCatalog } from "./editor-contract";

// A form whose JSON Schema cannot be read back is checked on the server's next save instead.
const UNCHECKED = z.unknown();

/**
 * The connector schemas rebuilt from the catalog's JSON Schema forms, so the browser reports the
 * same problems the server will while edits are still unsaved. Refinements JSON Schema cannot
 * express are caught by the server's answer to the save.
 */
export function catalogSchemaLookup(catalog: EditorCatalog): ConnectorSchemaLookup {
  const schemas = new Map<string, z.ZodType>();
  return (connectorKey, operationKey, kind) => {
    const cacheKey = `${kind}:${connectorKey}:${operationKey}`;
    const cached = schemas.get(cacheKey);
    if (cached) return cached;
    const connector = catalog.find((candidate) => candidate.key === connectorKey);
    const operations = kind === "trigger" ? connector?.triggers : connector?.actions;
    const operation = operations?.find((candidate) => candidate.key === operationKey);
    if (!operation) return undefined;
    let schema: z.ZodType;
    try {
      schema = z.fromJSONSchema(operation.form as z.core.JSONSchema.JSONSchema);
    } catch {
      schema = UNCHECKED;
    }
    schemas.set(cacheKey, schema);
    return schema;
  };
}

/** Every problem of `draft`, computed in the browser with the catalog's schemas. */
export function browserProblems(
  draft: FlowDocument,
  catalog: EditorCatalog,
  lookup: ConnectorSchemaLookup = catalogSchemaLookup(catalog),
): FlowProblem[] {
  const needsConnection = (connectorKey: string) =>
    catalog.find((connector) => connector.key === connectorKey)?.needsConnection ?? false;
  return validateFlow(draft, { connectors: lookup, needsConnection });
}
