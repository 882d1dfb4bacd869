import type { z } from "zod";
import { formatPath, isPlainObject } from "../json";
import { CURRENT_SCHEMA_VERSION, type FlowDocument, ZFlowDocument } from "../schema/document";
import { migrateV1ToV2, ZFlowDocumentV1 } from "./v1";

export interface DocumentIssue {
  /** Where in the document, e.g. `nodes[2].props.combinator`; empty for the whole document. */
  path: string;
  message: string;
}

export type MigrationErrorCode = "not_an_object" | "missing_version" | "unsupported_version" | "invalid_old_version";

export type MigrationResult =
  | { ok: true; document: unknown; fromVersion: number }
  | { ok: false; code: MigrationErrorCode; issues: DocumentIssue[] };

export type ParseFlowDocumentResult =
  | { ok: true; document: FlowDocument; migratedFrom: number | null }
  | { ok: false; issues: DocumentIssue[] };

type StepResult = { ok: true; document: unknown } | { ok: false; issues: DocumentIssue[] };

function toIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))),
    message: issue.message,
  }));
}

/** Each entry upgrades a document of version N to N + 1. Old shapes are parsed strictly first. */
const MIGRATIONS: Record<number, (doc: unknown) => StepResult> = {
  1: (doc) => {
    const parsed = ZFlowDocumentV1.safeParse(doc);
    if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
    return { ok: true, document: migrateV1ToV2(parsed.data) };
  },
};

function failure(code: MigrationErrorCode, message: string, issues: DocumentIssue[] = []): MigrationResult {
  return { ok: false, code, issues: issues.length > 0 ? issues : [{ path: "schemaVersion", message }] };
}

/**
 * Brings a stored document of any known version up to the current shape. The result is not yet
 * validated against the current schema — parseFlowDocument does that. Never throws.
 */
export function migrateFlowDocument(input: unknown): MigrationResult {
  try {
    return migrateUnsafe(input);
  } catch (error) {
    // Only reachable on hostile input (e.g. getters that throw); the contract is a result, not an exception.
    const message = error instanceof Error ? error.message : String(error);
    return failure("not_an_object", message, [{ path: "", message }]);
  }
}

function migrateUnsafe(input: unknown): MigrationResult {
  if (!isPlainObject(input)) return failure("not_an_object", "A flow document must be a JSON object");
  const version = input.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return failure("missing_version", "schemaVersion must be a positive integer");
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return failure("unsupported_version", `schemaVersion ${version} is newer than this Handoff understands`);
  }
  let document: unknown = input;
  for (let current = version; current < CURRENT_SCHEMA_VERSION; current++) {
    const step = MIGRATIONS[current];
    if (!step) return failure("unsupported_version", `No migration from schemaVersion ${current}`);
    const result = step(document);
    if (!result.ok) return failure("invalid_old_version", `Not a valid version ${current} document`, result.issues);
    document = result.document;
  }
  return { ok: true, document, fromVersion: version };
}

/** Migrates, then validates against the current schema. Never throws. */
export function parseFlowDocument(input: unknown): ParseFlowDocumentResult {
  const migrated = migrateFlowDocument(input);
  if (!migrated.ok) return { ok: false, issues: migrated.issues };
  let parsed: ReturnType<typeof ZFlowDocument.safeParse>;
  try {
    parsed = ZFlowDocument.safeParse(migrated.document);
  } catch (error) {
    return { ok: false, issues: [{ path: "", message: error instanceof Error ? error.message : String(error) }] };
  }
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  const migratedFrom = migrated.fromVersion === CURRENT_SCHEMA_VERSION ? null : migrated.fromVersion;
  return { ok: true, document: parsed.data, migratedFrom };
}
