import type { AnyActionDefinition, AnyTriggerDefinition } from "@handoff/connector-sdk";
import { toJsonSchemaForm } from "@handoff/connector-sdk";
import { connectors } from "@handoff/connectors";
import { z } from "zod";
import { procedureWith } from "../../trpc";

const ZOperation = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  /** The props form as JSON Schema, generated from the operation's zod schema. */
  form: z.record(z.string(), z.unknown()),
  /** Props whose choices are loaded from the provider (pipelines, stages, …). */
  optionProps: z.array(z.string()),
  /** What the step's output looks like, for the data picker before any test run. */
  sampleOutput: z.unknown().optional(),
});

const ZCatalog = z.array(
  z.object({
    key: z.string(),
    name: z.string(),
    category: z.enum(["crm", "calendar", "invoicing", "messaging", "core"]),
    needsConnection: z.boolean(),
    triggers: z.array(ZOperation.extend({ kind: z.string() })),
    actions: z.array(ZOperation),
  }),
);

/** Everything the palette and the step panel offer, read from the connector registry. */
export const catalogProcedure = procedureWith("flows.read")
  .input(z.void())
  .output(ZCatalog)
  .query(() => CATALOG);

// The registry is static: the catalog is computed once per process.
const CATALOG: z.infer<typeof ZCatalog> = connectors.map((connector) => ({
  key: connector.key,
  name: connector.name,
  category: connector.category,
  needsConnection: connector.auth.kind !== "none",
  triggers: connector.triggers.map((trigger) => ({
    ...describe(trigger),
    kind: trigger.kind,
    sampleOutput: sampleOf(trigger),
  })),
  actions: connector.actions.map((action) => ({ ...describe(action), sampleOutput: action.sampleOutput })),
}));

function describe(operation: AnyActionDefinition | AnyTriggerDefinition) {
  return {
    key: operation.key,
    name: operation.name,
    description: operation.description,
    form: toJsonSchemaForm(operation.props) as Record<string, unknown>,
    optionProps: "options" in operation && operation.options ? Object.keys(operation.options) : [],
  };
}

function sampleOf(trigger: AnyTriggerDefinition): unknown {
  return "sample" in trigger ? trigger.sample : undefined;
}
