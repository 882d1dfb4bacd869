import { ConnectorError, defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { objectPath, type RecordOutput, readObject, toRecordOutput } from "./crm-objects";

/** What flows need of a sale; more (e.g. a custom `deposit`) by `properties`. */
const DEAL_PROPERTIES = [
  "dealname",
  "amount",
  "deal_currency_code",
  "dealstage",
  "pipeline",
  "closedate",
  "description",
  "hubspot_owner_id",
] as const;

export const ZGetDealProps = z.object({
  dealId: z.string().trim().min(1, "dealId is required").describe("The deal's id, e.g. trigger.dealId"),
  properties: z
    .array(z.string().trim().min(1))
    .optional()
    .describe("Other properties to read by internal name, e.g. a custom deposit property"),
});

const ZAssociations = z
  .object({ contacts: z.object({ results: z.array(z.object({ id: z.string() })) }).optional() })
  .optional();

export type GetDealOutput = {
  dealId: string;
  dealname: string | null;
  /** As HubSpot stores it: a decimal in the deal's currency ("1200.50"), not cents. */
  amount: string | null;
  currency: string | null;
  stage: string | null;
  ownerId: string | null;
  /** Every contact associated with the deal, and the first one (null when none). */
  contactIds: string[];
  contactId: string | null;
  /** Every property read, by internal name (null when empty). */
  properties: Record<string, string | null>;
  deal: RecordOutput;
};

/**
 * HubSpot's events carry ids only: this reads a deal with its properties and associated
 * contacts, in one strongly consistent read. A deal deleted since is a final error.
 */
export const getDealAction = defineAction({
  key: "get-deal",
  name: "Get deal",
  description:
    "Reads a HubSpot deal by id: name, amount, stage, owner and its associated contacts, plus any properties you name.",
  props: ZGetDealProps,
  sideEffect: false,
  sampleOutput: {
    dealId: "2001",
    dealname: "Wedding hair and make-up",
    amount: "1200",
    currency: "EUR",
    stage: "closedwon",
    ownerId: "75310001",
    contactIds: ["1001"],
    contactId: "1001",
    properties: { dealname: "Wedding hair and make-up", amount: "1200", dealstage: "closedwon", deposit: "30%" },
    deal: { id: "2001", properties: { dealname: "Wedding hair and make-up", amount: "1200", dealstage: "closedwon" } },
  },
  async run(ctx): Promise<GetDealOutput> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const properties = [...new Set([...DEAL_PROPERTIES, ...(ctx.props.properties ?? [])])];
    const response = await client.request({
      method: "GET",
      path: objectPath("deals", ctx.props.dealId),
      query: { properties: properties.join(","), associations: "contacts" },
      accept: [404],
    });
    if (response.status === 404) {
      throw new ConnectorError({
        code: "not_found",
        message: `HubSpot has no deal ${ctx.props.dealId} (deleted since?)`,
      });
    }
    const deal = readObject(response.body, "the deal read");
    const associations = ZAssociations.safeParse((response.body as { associations?: unknown }).associations);
    const contactIds = [...new Set(associations.data?.contacts?.results.map((result) => result.id) ?? [])];
    const value = (name: string) => deal.properties[name]?.trim() || null;
    return {
      dealId: deal.id,
      dealname: value("dealname"),
      amount: value("amount"),
      currency: value("deal_currency_code"),
      stage: value("dealstage"),
      ownerId: value("hubspot_owner_id"),
      contactIds,
      contactId: contactIds[0] ?? null,
      properties: deal.properties,
      deal: toRecordOutput(deal),
    };
  },
});
