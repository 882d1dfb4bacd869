import { type ActionContext, defineAction, type HttpClient } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import {
  ASSOCIATION_TYPE_IDS,
  createObject,
  type HubspotObject,
  inlineAssociation,
  type RecordOutput,
  toRecordOutput,
} from "./crm-objects";
import {
  findDealByIdempotencyKey,
  findDealByNaturalKey,
  IDEMPOTENCY_PROPERTY,
  isMissingKeyProperty,
} from "./deal-idempotency";
import { DEFAULT_PIPELINE_ID, dealStageOptions, pipelineOptions } from "./pipelines";
import { optionalText } from "./props";

export const ZCreateDealProps = z.object({
  dealname: z.string().trim().min(1, "dealname is required"),
  amount: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z
      .union([
        z.number(),
        z
          .string()
          .trim()
          .regex(/^-?\d+(\.\d+)?$/, "amount must be a number"),
      ])
      .optional(),
  ),
  pipeline: optionalText.describe("The pipeline's internal id; the default pipeline when empty"),
  dealstage: z.string().trim().min(1, "dealstage is required").describe("The stage's internal id, e.g. closedwon"),
  closedate: optionalText.describe("ISO-8601 date or date-time"),
  contactId: optionalText.describe("A contact to associate the deal with"),
  properties: z.record(z.string(), z.string()).optional().describe("Other deal properties by internal name"),
});

export type CreateDealProps = z.output<typeof ZCreateDealProps>;

export type CreateDealOutput = { dealId: string; created: boolean; deal: RecordOutput };

function dealProperties(props: CreateDealProps): Record<string, string> {
  const named = {
    dealname: props.dealname,
    pipeline: props.pipeline ?? DEFAULT_PIPELINE_ID,
    dealstage: props.dealstage,
    amount: props.amount === undefined ? undefined : String(props.amount),
    closedate: props.closedate,
  };
  const given = Object.entries(named).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...props.properties, ...Object.fromEntries(given) };
}

async function createDeal(client: HttpClient, props: CreateDealProps, properties: Record<string, string>) {
  const associations = props.contactId ? [inlineAssociation(props.contactId, ASSOCIATION_TYPE_IDS.dealToContact)] : [];
  return createObject(client, "deals", properties, associations);
}

/**
 * Keyed create: the idempotency property first, then (for portals without the property) the
 * deal's own name/pipeline/amount/contact. Search is eventually consistent, so a retry within the
 * few seconds it takes HubSpot to index a new deal can still miss it: a gap HubSpot leaves open.
 */
async function findOrCreateDeal(
  ctx: ActionContext<CreateDealProps>,
  client: HttpClient,
): Promise<{ deal: HubspotObject; created: boolean }> {
  const key = `${ctx.idempotencyKey}:create-deal`;
  const properties = dealProperties(ctx.props);
  const keyed = await findDealByIdempotencyKey(client, key);
  if (keyed.supported && keyed.deal) return { deal: keyed.deal, created: false };
  if (keyed.supported) {
    try {
      return {
        deal: await createDeal(client, ctx.props, { ...properties, [IDEMPOTENCY_PROPERTY]: key }),
        created: true,
      };
    } catch (error) {
      if (!isMissingKeyProperty(error)) throw error;
    }
  }
  ctx.log(`The HubSpot portal has no "${IDEMPOTENCY_PROPERTY}" deal property; matching on the deal's name instead`);
  const { dealname, contactId } = ctx.props;
  const pipeline = properties.pipeline ?? DEFAULT_PIPELINE_ID;
  const existing = await findDealByNaturalKey(client, { dealname, pipeline, contactId, amount: properties.amount });
  if (existing) return { deal: existing, created: false };
  return { deal: await createDeal(client, ctx.props, properties), created: true };
}

export const createDealAction = defineAction({
  key: "create-deal",
  name: "Create deal",
  description:
    "Creates a HubSpot deal in a pipeline stage, optionally associated with a contact. A retried or replayed " +
    `step finds the deal it made (by the "${IDEMPOTENCY_PROPERTY}" deal property) instead of creating another.`,
  props: ZCreateDealProps,
  sideEffect: true,
  options: { pipeline: pipelineOptions, dealstage: dealStageOptions },
  sampleOutput: {
    dealId: "2001",
    created: true,
    deal: {
      id: "2001",
      properties: {
        dealname: "Haircut — Jane Roe",
        dealstage: "appointmentscheduled",
        pipeline: "default",
        amount: "45",
      },
    },
  },
  async run(ctx): Promise<CreateDealOutput> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { deal, created } = await findOrCreateDeal(ctx, client);
    ctx.log(created ? "HubSpot deal created" : "HubSpot deal already created by an earlier attempt", {
      dealId: deal.id,
    });
    return { dealId: deal.id, created, deal: toRecordOutput(deal) };
  },
});
