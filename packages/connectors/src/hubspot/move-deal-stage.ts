import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { type RecordOutput, toRecordOutput, updateObject } from "./crm-objects";
import { dealStageOptions, pipelineOptions } from "./pipelines";
import { optionalText } from "./props";

export const ZMoveDealStageProps = z.object({
  dealId: z.string().trim().min(1, "dealId is required"),
  dealstage: z.string().trim().min(1, "dealstage is required").describe("The stage's internal id, e.g. closedwon"),
  pipeline: optionalText.describe("Only to move the deal into another pipeline; the stage must belong to it"),
});

/**
 * Setting a stage is the same request every time, so a retry is harmless. A stage that is not in
 * the deal's pipeline is HubSpot's 400 VALIDATION_ERROR: final, with its list of allowed stages.
 */
export const moveDealStageAction = defineAction({
  key: "move-deal-stage",
  name: "Move deal to stage",
  description: "Moves a HubSpot deal to another stage (closedwon, closedlost, or any stage of its pipeline).",
  props: ZMoveDealStageProps,
  sideEffect: false,
  options: { pipeline: pipelineOptions, dealstage: dealStageOptions },
  sampleOutput: {
    dealId: "2001",
    dealstage: "closedwon",
    deal: { id: "2001", properties: { dealstage: "closedwon" } },
  },
  async run(ctx): Promise<{ dealId: string; dealstage: string; deal: RecordOutput }> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { dealId, dealstage, pipeline } = ctx.props;
    const deal = await updateObject(client, "deals", dealId, { dealstage, ...(pipeline ? { pipeline } : {}) });
    return { dealId: deal.id, dealstage: deal.properties.dealstage ?? dealstage, deal: toRecordOutput(deal) };
  },
});
