import { ConnectorError, type HttpClient } from "@handoff/connector-sdk";
import type { HubspotObject, SearchFilter } from "./crm-objects";
import { searchObjects } from "./crm-objects";

/**
 * HubSpot has no Idempotency-Key header, so the step's key is stored on the deal in this custom
 * property (create it once in HubSpot: Settings → Properties → Deals, single-line text) and
 * searched for before creating. Marking it unique in HubSpot is not needed for this to work.
 */
export const IDEMPOTENCY_PROPERTY = "handoff_idempotency_key";

export const DEAL_PROPERTIES = ["dealname", "dealstage", "pipeline", "amount", "closedate", IDEMPOTENCY_PROPERTY];

/** What the step would create, for the fallback match when the portal lacks the property. */
export interface DealNaturalKey {
  dealname: string;
  pipeline: string;
  amount?: string | undefined;
  contactId?: string | undefined;
}

export type KeyedLookup = { supported: true; deal: HubspotObject | undefined } | { supported: false };

/**
 * The portal refuses or ignores the property when it was never created: a 400 from the search, or
 * a create refused because of that property (its name is in HubSpot's message).
 */
export function isMissingKeyProperty(error: unknown): boolean {
  return (
    error instanceof ConnectorError &&
    error.status === 400 &&
    (error.providerMessage ?? error.message).includes(IDEMPOTENCY_PROPERTY)
  );
}

export async function findDealByIdempotencyKey(client: HttpClient, key: string): Promise<KeyedLookup> {
  try {
    const [deal] = await searchObjects(
      client,
      "deals",
      [[{ propertyName: IDEMPOTENCY_PROPERTY, operator: "EQ", value: key }]],
      { properties: DEAL_PROPERTIES, limit: 1 },
    );
    return { supported: true, deal };
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 400) return { supported: false };
    throw error;
  }
}

/**
 * Without the property, the best available key is what the deal is: same name, pipeline, amount
 * and contact. Two genuinely distinct deals alike in all four are merged, which is why the
 * property is the documented setup and this only the fallback.
 */
export async function findDealByNaturalKey(
  client: HttpClient,
  key: DealNaturalKey,
): Promise<HubspotObject | undefined> {
  const filters: SearchFilter[] = [
    { propertyName: "dealname", operator: "EQ", value: key.dealname },
    { propertyName: "pipeline", operator: "EQ", value: key.pipeline },
  ];
  if (key.amount !== undefined) filters.push({ propertyName: "amount", operator: "EQ", value: key.amount });
  if (key.contactId !== undefined) {
    filters.push({ propertyName: "associations.contact", operator: "EQ", value: key.contactId });
  }
  const [deal] = await searchObjects(client, "deals", [filters], { properties: DEAL_PROPERTIES, limit: 1 });
  return deal;
}
