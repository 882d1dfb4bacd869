import { z } from "zod";

export type JsonSchemaForm = z.core.JSONSchema.BaseSchema;

/**
 * The props form as JSON Schema. `io: "input"` describes what the user types (fields with a
 * default are optional); refinements the schema cannot express are checked on save instead.
 */
export function toJsonSchemaForm(schema: z.ZodType): JsonSchemaForm {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
}
