import type { JsonValue } from "@handoff/flow-core";

/**
 * How one prop is edited. Derived from the operation's props form (JSON Schema generated from the
 * connector's zod schema with io "input"), so a new connector gets a form without UI code.
 */
export type FieldSpec =
  | { kind: "text"; multiline: boolean }
  /** A number, or a `{{ … }}` expression whose value is only known when the flow runs. */
  | { kind: "number"; integer: boolean }
  | { kind: "boolean" }
  | { kind: "enum"; options: readonly string[] }
  | { kind: "object"; fields: readonly FormField[] }
  /** An array of objects: repeatable rows, each a small form (invoice lines). */
  | { kind: "rows"; fields: readonly FormField[] }
  /** An array of plain values: one input per item. */
  | { kind: "list"; item: ScalarSpec }
  /** An object with free keys (headers, metadata): key/value rows. */
  | { kind: "record"; value: ScalarSpec }
  /** Anything else (a free JSON value): typed as JSON, or as text. */
  | { kind: "json" };

export type ScalarSpec = Extract<FieldSpec, { kind: "text" | "number" | "boolean" | "enum" }>;

export interface FormField {
  key: string;
  label: string;
  description?: string;
  required: boolean;
  defaultValue?: JsonValue;
  spec: FieldSpec;
}

type Schema = Record<string, unknown>;

interface Walk {
  root: Schema;
  /** `$ref`s being expanded: a recursive definition (a JSON value) stops at the first repeat. */
  expanding: ReadonlySet<string>;
}

function asSchema(value: unknown): Schema | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Schema) : undefined;
}

function resolveRef(schema: Schema, walk: Walk): { schema: Schema; walk: Walk } | undefined {
  const ref = schema.$ref;
  if (typeof ref !== "string") return { schema, walk };
  if (walk.expanding.has(ref) || !ref.startsWith("#")) return undefined;
  const target = ref
    .slice(1)
    .split("/")
    .filter((part) => part !== "")
    .reduce<unknown>((node, part) => asSchema(node)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")], walk.root);
  const resolved = asSchema(target);
  if (!resolved) return undefined;
  const { $ref: _ref, ...siblings } = schema;
  return { schema: { ...resolved, ...siblings }, walk: { ...walk, expanding: new Set([...walk.expanding, ref]) } };
}

function typesOf(schema: Schema): string[] {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === "string");
  return [];
}

function isScalar(spec: FieldSpec): spec is ScalarSpec {
  return spec.kind === "text" || spec.kind === "number" || spec.kind === "boolean" || spec.kind === "enum";
}

function stringEnum(schema: Schema): string[] | undefined {
  if (typeof schema.const === "string") return [schema.const];
  if (!Array.isArray(schema.enum) || schema.enum.length === 0) return undefined;
  return schema.enum.every((item) => typeof item === "string") ? (schema.enum as string[]) : undefined;
}

/** `anyOf` as the zod generator writes it: nullable, number-or-numeric-text, text-or-list. */
function unionSpec(branches: readonly unknown[], walk: Walk): FieldSpec {
  const specs = branches
    .map(asSchema)
    .filter(
      (branch): branch is Schema => branch !== undefined && !(typesOf(branch).length === 1 && branch.type === "null"),
    )
    .map((branch) => specFor(branch, walk));
  const [only] = specs;
  if (specs.length === 1 && only) return only;
  const numbers = specs.filter((spec) => spec.kind === "number");
  if (numbers.length > 0 && specs.every((spec) => spec.kind === "number" || spec.kind === "text")) {
    return { kind: "number", integer: numbers.every((spec) => spec.kind === "number" && spec.integer) };
  }
  // "a@x.com, b@y.com" or ["a@x.com"]: connectors that take either accept the comma-separated text.
  const textOrTextList = specs.every(
    (spec) => spec.kind === "text" || (spec.kind === "list" && spec.item.kind === "text"),
  );
  if (textOrTextList && specs.some((spec) => spec.kind === "text")) return { kind: "text", multiline: false };
  if (specs.length > 0 && specs.every((spec) => spec.kind === "enum")) {
    return { kind: "enum", options: [...new Set(specs.flatMap((spec) => (spec.kind === "enum" ? spec.options : [])))] };
  }
  return { kind: "json" };
}

function objectSpec(schema: Schema, walk: Walk): FieldSpec {
  const properties = asSchema(schema.properties);
  if (properties && Object.keys(properties).length > 0) return { kind: "object", fields: fieldsOf(schema, walk) };
  const values = asSchema(schema.additionalProperties);
  if (values) {
    const value = specFor(values, walk);
    if (isScalar(value)) return { kind: "record", value };
  }
  return { kind: "json" };
}

function arraySpec(schema: Schema, walk: Walk): FieldSpec {
  const items = asSchema(schema.items);
  if (!items) return { kind: "json" };
  const item = specFor(items, walk);
  if (item.kind === "object") return { kind: "rows", fields: item.fields };
  return isScalar(item) ? { kind: "list", item } : { kind: "json" };
}

function specFor(raw: Schema, outer: Walk): FieldSpec {
  const resolved = resolveRef(raw, outer);
  if (!resolved) return { kind: "json" };
  const { schema, walk } = resolved;
  const options = stringEnum(schema);
  if (options) return { kind: "enum", options };
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (union) return unionSpec(union, walk);
  const types = typesOf(schema).filter((type) => type !== "null");
  if (types.length > 1)
    return unionSpec(
      types.map((type) => ({ ...schema, type })),
      walk,
    );
  switch (types[0]) {
    case "string":
      return { kind: "text", multiline: false };
    case "integer":
      return { kind: "number", integer: true };
    case "number":
      return { kind: "number", integer: false };
    case "boolean":
      return { kind: "boolean" };
    case "object":
      return objectSpec(schema, walk);
    case "array":
      return arraySpec(schema, walk);
    case undefined:
      // `{}`: a type JSON Schema cannot express (a date); the user types it, the server checks it.
      return Object.keys(schema).every((key) => key === "description" || key === "title" || key === "default")
        ? { kind: "text", multiline: false }
        : { kind: "json" };
    default:
      return { kind: "json" };
  }
}

const SPECIAL_WORDS: Readonly<Record<string, string>> = {
  id: "ID",
  ids: "IDs",
  uid: "UID",
  url: "URL",
  html: "HTML",
  api: "API",
  http: "HTTP",
};

/** `customerId` → "Customer ID", `event_type-slug` → "Event type slug". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter((word) => word !== "")
    .map((word) => SPECIAL_WORDS[word.toLowerCase()] ?? word.toLowerCase());
  const sentence = words.join(" ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "Lines" → "line", for the "Add line" button of a list of rows. */
export function singularNoun(label: string): string {
  const lower = label.toLowerCase();
  if (lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith("s") && !lower.endsWith("ss")) return lower.slice(0, -1);
  return lower;
}

const LONG_TEXT_KEY = /(body|notes?|message|comment|html|text|description)$/i;
const LONG_TEXT_DESCRIPTION = /\b(body|note|message)\b/i;

function fieldFor(key: string, schema: Schema, required: boolean, walk: Walk): FormField {
  let spec = specFor(schema, walk);
  const title = typeof schema.title === "string" && schema.title.trim() !== "" ? schema.title : undefined;
  const description = typeof schema.description === "string" ? schema.description : undefined;
  if (spec.kind === "text") {
    spec = { kind: "text", multiline: LONG_TEXT_KEY.test(key) || LONG_TEXT_DESCRIPTION.test(description ?? "") };
  }
  return {
    key,
    label: title ?? humanizeKey(key),
    ...(description === undefined ? {} : { description }),
    required,
    ...(schema.default === undefined ? {} : { defaultValue: schema.default as JsonValue }),
    spec,
  };
}

function fieldsOf(schema: Schema, walk: Walk): FormField[] {
  const properties = asSchema(schema.properties) ?? {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).flatMap(([key, value]) => {
    const property = asSchema(value);
    return property ? [fieldFor(key, property, required.has(key), walk)] : [];
  });
}

/** The fields of an operation's props form, in the schema's order. */
export function formFields(form: unknown): FormField[] {
  const root = asSchema(form);
  if (!root) return [];
  const walk: Walk = { root, expanding: new Set() };
  const resolved = resolveRef(root, walk);
  return resolved ? fieldsOf(resolved.schema, resolved.walk) : [];
}
