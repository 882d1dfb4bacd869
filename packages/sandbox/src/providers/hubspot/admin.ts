import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SandboxResponse } from "../../types";
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
            error: `unknown hubspot action "${action}"; try create-contact, update-deal-stage, revoke-refresh-token, tick`,
          },
        };
    }
  } catch (error) {
    if (error instanceof HubspotApiError) return error.toResponse(randomUUID());
    throw error;
  }
}

function parse<TSchema extends z.ZodType>(schema: TSchema, body: unknown): z.output<TSchema> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HubspotApiError(400, "VALIDATION_ERROR", `${issue?.path.join(".") || "body"}: ${issue?.message}`);
}
