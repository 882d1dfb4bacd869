import type { OptionItem, OptionsLoader } from "@handoff/connector-sdk";
import { ConnectorError } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";

export const DEFAULT_PIPELINE_ID = "default";

const ZPipelines = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      archived: z.boolean().optional(),
      stages: z.array(z.object({ id: z.string(), label: z.string(), archived: z.boolean().optional() })),
    }),
  ),
});
type Pipeline = z.output<typeof ZPipelines>["results"][number];

/** `dealstage` and `pipeline` take internal ids; customised portals use numeric ones, so they are read, not assumed. */
async function loadPipelines(ctx: Parameters<OptionsLoader>[0]): Promise<Pipeline[]> {
  const client = createHubspotClient(ctx.connection, { signal: ctx.signal });
  const response = await client.request({ method: "GET", path: "/crm/v3/pipelines/deals" });
  const parsed = ZPipelines.safeParse(response.body);
  if (!parsed.success) {
    throw new ConnectorError({
      code: "unknown",
      message: "HubSpot answered the deal pipelines with an unexpected body",
    });
  }
  return parsed.data.results.filter((pipeline) => !pipeline.archived);
}

export const pipelineOptions: OptionsLoader = async (ctx) =>
  (await loadPipelines(ctx)).map((pipeline): OptionItem => ({ label: pipeline.label, value: pipeline.id }));

/** The stages of the pipeline chosen so far (the default pipeline until one is). */
export const dealStageOptions: OptionsLoader = async (ctx) => {
  const chosen =
    typeof ctx.props.pipeline === "string" && ctx.props.pipeline ? ctx.props.pipeline : DEFAULT_PIPELINE_ID;
  const pipelines = await loadPipelines(ctx);
  const pipeline = pipelines.find((candidate) => candidate.id === chosen) ?? pipelines[0];
  return (pipeline?.stages ?? [])
    .filter((stage) => !stage.archived)
    .map((stage): OptionItem => ({ label: stage.label, value: stage.id }));
};
