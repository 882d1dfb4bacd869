import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SandboxResponse } from "../../types";
import { defaultAssociationTypeId, HUBSPOT_DEFINED } from "./associations";
import type { HubspotRuntime } from "./context";
import { HubspotApiError, objectNotFound } from "./errors";
import { CRM_OBJECT_TYPES } from "./object-types";
import { toFullApiObject } from "./serialize";

const ZCreateContact = z.object({
  email: z.string().min(1),
  firstname: z.string().optional(),
  lastname: z.string().optional(),
  phone: z.string().optional(),
});
const ZCreateDeal = z.object({
  dealname: z.string().min(1),
  amount: z.union([z.string(), z.number()]).transform(String).optional(),
  dealstage: z.string().default("appointmentscheduled"),
  /** The contact the deal is for, by id or by e-mail. */
  contactId: z.union([z.string(), z.number()]).transform(String).optional(),
  email: z.string().optional(),
  /** Portal custom property: "30%" of the amount, or an amount in the currency; see HUBSPOT_SANDBOX_CUSTOM_PROPERTIES. */
  deposit: z.string().optional(),
  closedate: z.string().optional(),
  hubspot_owner_id: z.string().optional(),
});
const ZUpdateDealStage = z.object({ dealId: z.union([z.string(), z.number()]).transform(String), stage: z.string() });
const ZRevoke = z.object({ refreshToken: z.string().optional() });

/**
 * Scripted actions: what a HubSpot user does in the CRM UI (so webhook events say `CRM_UI`), plus
 * the levers tests need (revoking refresh tokens). Errors use HubSpot's API bodies.
 */
export function runAdminAction(runtime: HubspotRuntime, action: string, body: unknown): SandboxResponse {
  try {
    switch (action) {
      case "create-contact": {
        const input = parse(ZCreateContact, body);
        const record = runtime.crm.create(CRM_OBJECT_TYPES.contacts, { properties: input }, "CRM_UI");
        return { status: 201, body: toFullApiObject(record) };
      }
      case "create-deal":
        return { status: 201, body: toFullApiObject(createDeal(runtime, parse(ZCreateDeal, body))) };
      case "update-deal-stage": {
        const input = parse(ZUpdateDealStage, body);
        const deals = CRM_OBJECT_TYPES.deals;
        const deal = runtime.crm.find(deals, input.dealId);
        if (!deal) throw objectNotFound(`No deal with id ${input.dealId}`);
        return {
          status: 200,
          body: toFullApiObject(runtime.crm.update(deals, deal, { dealstage: input.stage }, "CRM_UI")),
        };
      }
      case "revoke-refresh-token": {
        const { refreshToken } = parse(ZRevoke, body);
        if (refreshToken && !runtime.oauth.refreshTokens.has(refreshToken))
          throw objectNotFound("No such refresh token");
        return { status: 200, body: { revoked: runtime.oauth.revoke(refreshToken) } };
      }
      case "tick":
        runtime.oauth.dropExpiredCodes(runtime.clock.nowMs());
        return { status: 200, body: {} };
      default:
        return {
          status: 404,
          body: {
            error: `unknown hubspot action "${action}"; try create-contact, create-deal, update-deal-stage, revoke-refresh-token, tick`,
          },
        };
    }
  } catch (error) {
    if (error instanceof HubspotApiError) return error.toResponse(randomUUID());
    throw error;
  }
}

/** A deal made in the CRM UI, associated with its contact (found by id or e-mail) like the UI's "Associate" box. */
function createDeal(runtime: HubspotRuntime, input: z.output<typeof ZCreateDeal>) {
  const { contactId, email, ...properties } = input;
  const contacts = CRM_OBJECT_TYPES.contacts;
  const contact = contactId
    ? runtime.crm.find(contacts, contactId)
    : email
      ? runtime.crm.find(contacts, email.trim().toLowerCase(), { idProperty: "email" })
      : undefined;
  if ((contactId || email) && !contact)
    throw objectNotFound(`No contact with ${contactId ? `id ${contactId}` : `email ${email}`}`);
  const associationTypeId = defaultAssociationTypeId("deals", "contacts") ?? 3;
  const associations = contact
    ? [{ to: { id: contact.id }, types: [{ associationCategory: HUBSPOT_DEFINED, associationTypeId }] }]
    : [];
  const defined = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
  return runtime.crm.create(
    CRM_OBJECT_TYPES.deals,
    { properties: { pipeline: "default", ...defined }, associations },
    "CRM_UI",
  );
}

function parse<TSchema extends z.ZodType>(schema: TSchema, body: unknown): z.output<TSchema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HubspotApiError(400, "VALIDATION_ERROR", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
}
