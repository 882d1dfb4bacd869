import { z } from "zod";
import { ZJsonValue } from "../json";

/**
 * Version 1 — the prototype's format, before paths and loops existed:
 *
 *   { schemaVersion: 1,
 *     timezone?: "Europe/Paris",
 *     steps: [{ id, kind: "trigger"|"action"|"condition"|"filter"|"delay",
 *               app?, action?, name, x, y, input: {...} }],
 *     links: [{ from, to, branch?: "yes"|"no" }] }
 *
 * Differences from v2: `steps`/`links` instead of `nodes`/`edges`; `app`/`action`/`input`/`name`
 * instead of `connector`/`operation`/`props`/`label`; a flat `x`/`y`; links had no id and a
 * condition's branches were `yes`/`no` (v2 handles: `true`/`false`); condition and filter input
 * was `{ match: "all"|"any", rules: [{ field, op: eq|neq|gt|lt|contains|exists, value }] }`;
 * a delay was `{ minutes }`; the time zone sat at the top level.
 */
export const ZV1Rule = z.object({
  field: z.string(),
  op: z.enum(["eq", "neq", "gt", "lt", "contains", "exists"]),
  value: ZJsonValue.optional(),
});

export const ZV1RuleInput = z.object({ match: z.enum(["all", "any"]), rules: z.array(ZV1Rule) });

export const ZV1Step = z.object({
  id: z.string(),
  kind: z.enum(["trigger", "action", "condition", "filter", "delay"]),
  app: z.string().optional(),
  action: z.string().optional(),
  name: z.string(),
  x: z.number(),
  y: z.number(),
  input: z.record(z.string(), ZJsonValue),
});

export const ZV1Link = z.object({ from: z.string(), to: z.string(), branch: z.enum(["yes", "no"]).optional() });

export const ZFlowDocumentV1 = z.object({
  schemaVersion: z.literal(1),
  timezone: z.string().optional(),
  steps: z.array(ZV1Step),
  links: z.array(ZV1Link),
});
export type FlowDocumentV1 = z.infer<typeof ZFlowDocumentV1>;
export type V1Step = z.infer<typeof ZV1Step>;

const V1_OPERATORS = {
  eq: "equals",
  neq: "not_equals",
  gt: "greater_than",
  lt: "less_than",
  contains: "contains",
  exists: "exists",
} as const;

function migrateRules(input: Record<string, unknown>): unknown {
  const parsed = ZV1RuleInput.safeParse(input);
  // Left as is: the v2 parse that follows reports it with a path the user can find.
  if (!parsed.success) return input;
  return {
    combinator: parsed.data.match === "any" ? "or" : "and",
    rules: parsed.data.rules.map((rule) => ({
      field: rule.field,
      operator: V1_OPERATORS[rule.op],
      ...(rule.value === undefined ? {} : { value: rule.value }),
    })),
  };
}

function migrateStep(step: V1Step): Record<string, unknown> {
  const base = { id: step.id, type: step.kind, label: step.name, position: { x: step.x, y: step.y } };
  switch (step.kind) {
    case "trigger":
    case "action":
      return { ...base, connector: step.app, operation: step.action, props: step.input };
    case "condition":
    case "filter":
      return { ...base, props: migrateRules(step.input) };
    case "delay":
      return { ...base, props: { mode: "duration", amount: step.input.minutes, unit: "minutes" } };
  }
}

const V1_BRANCH_HANDLES = { yes: "true", no: "false" } as const;

export function migrateV1ToV2(doc: FlowDocumentV1): Record<string, unknown> {
  return {
    schemaVersion: 2,
    nodes: doc.steps.map(migrateStep),
    // Link order is stable in stored v1 documents, so index-based ids are deterministic.
    edges: doc.links.map((link, index) => ({
      id: `e${index + 1}`,
      source: link.from,
      sourceHandle: link.branch ? V1_BRANCH_HANDLES[link.branch] : null,
      target: link.to,
    })),
    ...(doc.timezone ? { settings: { timeZone: doc.timezone } } : {}),
  };
}
