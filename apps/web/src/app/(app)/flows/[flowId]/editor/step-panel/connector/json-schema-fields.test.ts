import { toJsonSchemaForm } from "@handoff/connector-sdk";
import { connectors } from "@handoff/connectors";
import { ZJsonValue } from "@handoff/flow-core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type FormField, formFields, humanizeKey, singularNoun } from "./json-schema-fields";

function fieldsOf(schema: z.ZodType): FormField[] {
  return formFields(toJsonSchemaForm(schema));
}

function specsOf(schema: z.ZodType) {
  return Object.fromEntries(fieldsOf(schema).map((field) => [field.key, field.spec]));
}

describe("formFields", () => {
  it("maps scalars: text, long text, numbers, booleans and choices", () => {
    expect(
      specsOf(
        z.object({
          subject: z.string(),
          body: z.string(),
          memo: z.string().describe("The note's text"),
          quantity: z.number().int(),
          amount: z.number(),
          send: z.boolean(),
          status: z.enum(["open", "paid"]),
        }),
      ),
    ).toEqual({
      subject: { kind: "text", multiline: false },
      body: { kind: "text", multiline: true },
      memo: { kind: "text", multiline: true },
      quantity: { kind: "number", integer: true },
      amount: { kind: "number", integer: false },
      send: { kind: "boolean" },
      status: { kind: "enum", options: ["open", "paid"] },
    });
  });

  it("labels from the title, else from the humanised name; marks required; keeps description and default", () => {
    const [consent, customer, limit] = fieldsOf(
      z.object({
        consentAt: z.string().meta({ title: "Consent given at" }).optional(),
        customerId: z.string().describe("The Stripe customer"),
        limit: z.number().int().default(10),
      }),
    );
    expect(consent).toMatchObject({ label: "Consent given at", required: false });
    expect(customer).toMatchObject({ label: "Customer ID", required: true, description: "The Stripe customer" });
    expect(limit).toMatchObject({ label: "Limit", required: false, defaultValue: 10 });
  });

  it("reads unions the way connectors write them", () => {
    expect(
      specsOf(
        z.object({
          amount: z.union([z.number(), z.string().regex(/^\d+$/)]),
          to: z.union([z.string(), z.array(z.string())]),
          note: z.string().nullable(),
          mode: z.union([z.literal("a"), z.literal("b")]),
        }),
      ),
    ).toEqual({
      amount: { kind: "number", integer: false },
      to: { kind: "text", multiline: false },
      note: { kind: "text", multiline: true },
      mode: { kind: "enum", options: ["a", "b"] },
    });
  });

  it("maps objects to fieldsets, arrays of objects to rows, plain arrays to lists, records to key/value rows", () => {
    const specs = specsOf(
      z.object({
        address: z.object({ city: z.string(), zip: z.string().optional() }),
        lines: z.array(z.object({ description: z.string(), unitAmount: z.number().int() })),
        taxRateIds: z.array(z.string()),
        headers: z.record(z.string(), z.string()),
      }),
    );
    expect(specs.address).toEqual({
      kind: "object",
      fields: [
        { key: "city", label: "City", required: true, spec: { kind: "text", multiline: false } },
        { key: "zip", label: "Zip", required: false, spec: { kind: "text", multiline: false } },
      ],
    });
    expect(specs.lines).toMatchObject({
      kind: "rows",
      fields: [
        { key: "description", required: true, spec: { kind: "text", multiline: true } },
        { key: "unitAmount", label: "Unit amount", spec: { kind: "number", integer: true } },
      ],
    });
    expect(specs.taxRateIds).toEqual({ kind: "list", item: { kind: "text", multiline: false } });
    expect(specs.headers).toEqual({ kind: "record", value: { kind: "text", multiline: false } });
  });

  it("falls back to JSON for a recursive JSON value and a record of objects, and to text for a date", () => {
    expect(
      specsOf(
        z.object({
          body: ZJsonValue.optional(),
          byId: z.record(z.string(), z.object({ a: z.string() })),
          when: z.date(),
        }),
      ),
    ).toEqual({ body: { kind: "json" }, byId: { kind: "json" }, when: { kind: "text", multiline: false } });
  });

  it("has no fields for an empty or missing form", () => {
    expect(fieldsOf(z.object({}))).toEqual([]);
    expect(formFields(undefined)).toEqual([]);
    expect(formFields({ type: "object", $ref: "#/nowhere" })).toEqual([]);
  });

  it("gives every prop of every registered connector a real field (only free JSON bodies stay JSON)", () => {
    const rawJson = connectors.flatMap((connector) =>
      [...connector.triggers, ...connector.actions].flatMap((operation) =>
        formFields(toJsonSchemaForm(operation.props))
          .filter((field) => field.spec.kind === "json")
          .map((field) => `${connector.key}/${operation.key}.${field.key}`),
      ),
    );
    expect(rawJson).toEqual(["core/http-request.body"]);
  });
});

describe("labels", () => {
  it("humanises property names", () => {
    expect(humanizeKey("eventTypeSlug")).toBe("Event type slug");
    expect(humanizeKey("customer_id")).toBe("Customer ID");
    expect(humanizeKey("taxRateIds")).toBe("Tax rate IDs");
    expect(humanizeKey("replyTo")).toBe("Reply to");
    expect(humanizeKey("HTMLBody")).toBe("HTML body");
  });

  it("makes the singular of a list's label", () => {
    expect(singularNoun("Lines")).toBe("line");
    expect(singularNoun("Entries")).toBe("entry");
    expect(singularNoun("Address")).toBe("address");
  });
});
