import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { type RecordOutput, toRecordOutput, updateObject } from "./crm-objects";
import { dealStageOptions, pipelineOptions } from "./pipelines";
import { optionalText, ZDateTime } from "./props";

const blankToUndefined = (value: unknown) =>
  (typeof value === "string" && value.trim() === "") || value === null ? undefined : value;

export const ZUpdateDealProps = z
  .object({
    dealId: z.string().trim().min(1, "dealId is required"),
    dealname: optionalText,
    amount: z.preprocess(
      blankToUndefined,
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
    closedate: z.preprocess(blankToUndefined, ZDateTime.optional()).describe("ISO-8601 date or date-time"),
    dealstage: optionalText.describe("The stage's internal id, e.g. closedwon"),
    pipeline: optionalText.describe("Only to move the deal into another pipeline; the stage must belong to it"),
    properties: z
      .record(z.string(), z.string())
      .optional()
      .describe('Other deal properties by internal name; "" clears a value'),
  })
  .refine(
    (props) =>
      [props.dealname, props.amount, props.closedate, props.dealstage, props.pipeline].some((v) => v !== undefined) ||
      Object.keys(props.properties ?? {}).length > 0,
    { message: "give at least one deal property to change", path: ["dealname"] },
  );

export type UpdateDealProps = z.output<typeof ZUpdateDealProps>;

function dealProperties(props: UpdateDealProps): Record<string, string> {
  const named = {
    dealname: props.dealname,
    amount: props.amount === undefined ? undefined : String(props.amount),
    closedate: props.closedate,
    dealstage: props.dealstage,
    pipeline: props.pipeline,
  };
  const given = Object.entries(named).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...props.properties, ...Object.fromEntries(given) };
}

/**
 * Overwrites the given deal properties, e.g. the close date and name of an appointment's deal
 * when the appointment moves. Repeating the PATCH sets the same values: a retry is harmless.
 */
export const updateDealAction = defineAction({
  key: "update-deal",
  name: "Update deal",
  description: "Sets properties of a HubSpot deal (name, amount, close date, stage or any other), overwriting them.",
  props: ZUpdateDealProps,
  sideEffect: false,
  options: { pipeline: pipelineOptions, dealstage: dealStageOptions },
  sampleOutput: {
    dealId: "2001",
    deal: { id: "2001", properties: { dealname: "Haircut — Jane Roe", closedate: "2026-11-26T09:00:00.000Z" } },
  },
  async run(ctx): Promise<{ dealId: string; deal: RecordOutput }> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const deal = await updateObject(client, "deals", ctx.props.dealId, dealProperties(ctx.props));
    return { dealId: deal.id, deal: toRecordOutput(deal) };
  },
});
