import { requireScope } from "../auth";
import type { ApiCall } from "../context";
import { objectNotFound, validationError } from "../errors";
import { HUBSPOT_DEFAULT_PIPELINE, HUBSPOT_SANDBOX_OWNERS, type HubspotOwner } from "../fixtures";
import { resolveObjectType } from "../object-types";
import { type Params, type Route, route } from "../router";

/** When the seeded portal was "created": fixed, so pipeline and owner reads are stable. */
const PORTAL_CREATED_AT = "2024-01-02T09:00:00.000Z";

function pipelineBody() {
  return {
    id: HUBSPOT_DEFAULT_PIPELINE.id,
    label: HUBSPOT_DEFAULT_PIPELINE.label,
    displayOrder: 0,
    createdAt: PORTAL_CREATED_AT,
    updatedAt: PORTAL_CREATED_AT,
    archived: false,
    stages: stagesBody(),
  };
}

function stagesBody() {
  return HUBSPOT_DEFAULT_PIPELINE.stages.map((stage, index) => ({
    id: stage.id,
    label: stage.label,
    displayOrder: index,
    metadata: { isClosed: String(stage.isClosed), probability: stage.probability },
    createdAt: PORTAL_CREATED_AT,
    updatedAt: PORTAL_CREATED_AT,
    archived: false,
    writePermissions: "CRUD",
  }));
}

/** Only deals have pipelines among the emulated types. */
function checkDeals(call: ApiCall, params: Params) {
  const type = resolveObjectType(params.objectType ?? "");
  if (type.name !== "deals") throw validationError(`${params.objectType} does not have pipelines`);
  requireScope(call.grant, "crm.objects.deals.read");
}

function findPipeline(params: Params) {
  if (params.pipelineId !== HUBSPOT_DEFAULT_PIPELINE.id)
    throw objectNotFound(`Pipeline ${params.pipelineId} not found`);
  return pipelineBody();
}

function ownerBody(owner: HubspotOwner) {
  return { ...owner, createdAt: PORTAL_CREATED_AT, updatedAt: PORTAL_CREATED_AT, archived: false, teams: [] };
}

export const pipelineRoutes: Route<ApiCall>[] = [
  route("GET", "/crm/v3/pipelines/:objectType", (call, params) => {
    checkDeals(call, params);
    return { status: 200, body: { results: [pipelineBody()] } };
  }),
  route("GET", "/crm/v3/pipelines/:objectType/:pipelineId", (call, params) => {
    checkDeals(call, params);
    return { status: 200, body: findPipeline(params) };
  }),
  route("GET", "/crm/v3/pipelines/:objectType/:pipelineId/stages", (call, params) => {
    checkDeals(call, params);
    return { status: 200, body: { results: findPipeline(params).stages } };
  }),
  route("GET", "/crm/v3/owners", (call) => {
    requireScope(call.grant, "crm.objects.owners.read");
    const email = call.request.query.get("email")?.toLowerCase();
    const owners = HUBSPOT_SANDBOX_OWNERS.filter((owner) => !email || owner.email === email);
    return { status: 200, body: { results: owners.map(ownerBody) } };
  }),
  route("GET", "/crm/v3/owners/:ownerId", (call, params) => {
    requireScope(call.grant, "crm.objects.owners.read");
    const owner = HUBSPOT_SANDBOX_OWNERS.find((candidate) => candidate.id === params.ownerId);
    if (!owner) throw objectNotFound(`Owner ${params.ownerId} not found`);
    return { status: 200, body: ownerBody(owner) };
  }),
];
