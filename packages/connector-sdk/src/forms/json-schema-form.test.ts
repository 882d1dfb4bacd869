import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toJsonSchemaForm } from "./json-schema-form";

describe("toJsonSchemaForm", () => {
  it("renders what the user fills in: defaults make fields optional", () => {
    const schema = z.object({
      email: z.email().describe("Contact e-mail"),
      limit: z.number().int().max(100).default(10),
      mode: z.enum(["create", "update"]),
    });
    expect(toJsonSchemaForm(schema)).toEqual({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: {
        email: expect.objectContaining({ type: "string", format: "email", description: "Contact e-mail" }),
        limit: { type: "integer", maximum: 100, default: 10, minimum: expect.any(Number) },
        mode: { type: "string", enum: ["create", "update"] },
      },
      required: ["email", "mode"],
    });
  });

  it("does not throw on types JSON Schema cannot express", () => {
    const schema = z.object({ when: z.date(), note: z.string() });
    expect(toJsonSchemaForm(schema)).toMatchObject({ properties: { when: {}, note: { type: "string" } } });
  });
});
