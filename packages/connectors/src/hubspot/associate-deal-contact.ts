import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";

export const ZAssociateDealContactProps = z.object({
  dealId: z.string().trim().min(1, "dealId is required"),
  contactId: z.string().trim().min(1, "contactId is required"),
});

/** The v4 default (unlabelled) association; HubSpot keeps one association however often it is PUT. */
export const associateDealContactAction = defineAction({
  key: "associate-deal-contact",
  name: "Associate deal with contact",
  description: "Links a HubSpot deal and a contact (the default, unlabelled association).",
  props: ZAssociateDealContactProps,
  sideEffect: false,
  sampleOutput: { dealId: "2001", contactId: "1001", associated: true },
  async run(ctx): Promise<{ dealId: string; contactId: string; associated: boolean }> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { dealId, contactId } = ctx.props;
    await client.request({
      method: "PUT",
      path: `/crm/v4/objects/deals/${encodeURIComponent(dealId)}/associations/default/contacts/${encodeURIComponent(contactId)}`,
    });
    return { dealId, contactId, associated: true };
  },
});
