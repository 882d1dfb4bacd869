import { z } from "zod";

/**
 * Inputs are only bounded here: the services check them and say precisely what is wrong, where a
 * zod refusal would reach the page as a list of issues.
 */
export const ZBoundedText = z.string().max(10_000);

export const ZCustomerRecord = z.object({
  id: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZCustomerLink = z.object({ provider: z.string(), externalId: z.string(), createdAt: z.string() });

export const ZCustomerSummary = z.object({
  searchedBy: z.enum(["id", "email", "phone"]),
  customer: ZCustomerRecord.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  counts: z.object({ links: z.number(), runs: z.number(), identityReviews: z.number() }),
  found: z.boolean(),
  confirmWith: z.object({ kind: z.enum(["email", "phone", "customer id"]), value: z.string() }),
});

// Payloads, inputs and outputs are whatever the tools sent: passed through as they are stored.
const ZStoredJson = z.unknown();

export const ZCustomerExport = z.object({
  exportedAt: z.string(),
  customer: ZCustomerRecord.nullable(),
  links: z.array(ZCustomerLink),
  identityReviews: z.array(
    z.object({
      id: z.string(),
      provider: z.string(),
      keys: ZStoredJson,
      candidates: ZStoredJson,
      runId: z.string().nullable(),
      status: z.string(),
      resolution: z.string().nullable(),
      createdAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
  runs: z.array(
    z.object({
      id: z.string(),
      flowId: z.string(),
      flowName: z.string(),
      status: z.string(),
      createdAt: z.string(),
      triggerSummary: z.string(),
      businessKeys: z.array(z.string()),
      triggerPayload: ZStoredJson,
      error: ZStoredJson,
      steps: z.array(
        z.object({
          nodeId: z.string(),
          stepKey: z.string(),
          status: z.string(),
          input: ZStoredJson,
          output: ZStoredJson,
          error: ZStoredJson,
          startedAt: z.string(),
        }),
      ),
    }),
  ),
  runsCapped: z.boolean(),
  runLimit: z.number(),
  consents: z.array(z.object({ channel: z.string(), consentAt: z.string(), runId: z.string(), nodeId: z.string() })),
});

export const ZCustomerErasure = z.object({
  customerId: z.string().nullable(),
  counts: z.object({
    runs: z.number(),
    steps: z.number(),
    triggerEvents: z.number(),
    identityReviews: z.number(),
    links: z.number(),
    customers: z.number(),
  }),
});
