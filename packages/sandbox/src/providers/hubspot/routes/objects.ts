import { z } from "zod";
import { requireScope } from "../auth";
import { type ApiCall, readJson } from "../context";
import { objectNotFound, validationError } from "../errors";
import { type CrmObjectType, resolveObjectType } from "../object-types";
import { type Params, type Route, route } from "../router";
import { search, ZSearchRequest } from "../search";
import { type PropertySelection, toApiObject, toFullApiObject, withAssociations } from "../serialize";
import type { CrmRecord } from "../store";

const ZId = z.union([z.string(), z.number()]).transform(String);

export const ZProperties = z.record(z.string(), z.unknown());

export const ZInlineAssociation = z.object({
  to: z.object({ id: ZId }),
  types: z.array(
    z.object({ associationCategory: z.string().default("HUBSPOT_DEFINED"), associationTypeId: z.number().int() }),
  ),
});

const ZCreateInput = z.object({ properties: ZProperties, associations: z.array(ZInlineAssociation).optional() });
const ZUpdateInput = z.object({ properties: ZProperties });

const LIST_DEFAULT_LIMIT = 10;
const LIST_MAX_LIMIT = 100;

/** The object type named in the path, once the caller's scopes allow the access. */
export function objectTypeFor(call: ApiCall, segment: string, access: "read" | "write"): CrmObjectType {
  const type = resolveObjectType(segment);
  requireScope(call.grant, `crm.objects.${type.scope}.${access}`);
  return type;
}

export function selectionFor(call: ApiCall, type: CrmObjectType, requested?: readonly string[]): PropertySelection {
  return { type, requested, customProperties: call.runtime.options.customProperties[type.name] ?? [] };
}

/** `a,b` query values (HubSpot also accepts the parameter repeated). */
export function listParam(call: ApiCall, name: string): string[] | undefined {
  const values = call.request.query.getAll(name).flatMap((value) => value.split(","));
  const names = values.map((value) => value.trim()).filter(Boolean);
  return names.length > 0 ? names : undefined;
}

function findOrThrow(call: ApiCall, type: CrmObjectType, id: string): CrmRecord {
  const record = call.runtime.crm.find(type, id, {
    idProperty: call.request.query.get("idProperty") ?? undefined,
    archived: call.request.query.get("archived") === "true",
  });
  if (!record) throw objectNotFound();
  return record;
}

function list(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "read");
  const { query } = call.request;
  const limit = Math.min(
    Math.max(Number(query.get("limit") ?? LIST_DEFAULT_LIMIT) || LIST_DEFAULT_LIMIT, 1),
    LIST_MAX_LIMIT,
  );
  const after = query.get("after");
  if (after !== null && !/^\d+$/.test(after)) throw validationError(`${after} is not a valid 'after' cursor`);
  const archived = query.get("archived") === "true";
  const records = call.runtime.store
    .ofType(type.name)
    .filter((record) => record.archived === archived && (after === null || Number(record.id) >= Number(after)));
  const selection = selectionFor(call, type, listParam(call, "properties"));
  const toTypes = listParam(call, "associations") ?? [];
  const results = records
    .slice(0, limit)
    .map((record) => withAssociations(toApiObject(record, selection), call.runtime.store, record, toTypes));
  const next = records[limit];
  if (!next) return { status: 200, body: { results } };
  const link = `${call.runtime.apiBaseUrl()}/crm/v3/objects/${params.type}?limit=${limit}&after=${next.id}`;
  return { status: 200, body: { results, paging: { next: { after: next.id, link } } } };
}

function create(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "write");
  const input = readJson(call.request, ZCreateInput);
  const record = call.runtime.crm.create(type, input, "API");
  return { status: 201, body: toFullApiObject(record) };
}

function read(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "read");
  const record = findOrThrow(call, type, params.id ?? "");
  const object = toApiObject(record, selectionFor(call, type, listParam(call, "properties")));
  const toTypes = listParam(call, "associations") ?? [];
  return { status: 200, body: withAssociations(object, call.runtime.store, record, toTypes) };
}

function update(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "write");
  const record = findOrThrow(call, type, params.id ?? "");
  const input = readJson(call.request, ZUpdateInput);
  return { status: 200, body: toFullApiObject(call.runtime.crm.update(type, record, input.properties, "API")) };
}

function archive(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "write");
  // Archiving is idempotent in HubSpot: an unknown or already archived id still answers 204.
  const record = call.runtime.store.find(type.name, params.id ?? "");
  if (record) call.runtime.crm.archive(type, record, "API");
  return { status: 204 };
}

function searchObjects(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "read");
  const body = search(readJson(call.request, ZSearchRequest), {
    store: call.runtime.store,
    type,
    nowMs: call.runtime.clock.nowMs(),
    limits: call.runtime.options.searchLimits,
    customProperties: call.runtime.options.customProperties[type.name] ?? [],
  });
  return { status: 200, body };
}

export const objectRoutes: Route<ApiCall>[] = [
  route("GET", "/crm/v3/objects/:type", list),
  route("POST", "/crm/v3/objects/:type", create),
  route("POST", "/crm/v3/objects/:type/search", searchObjects),
  route("GET", "/crm/v3/objects/:type/:id", read),
  route("PATCH", "/crm/v3/objects/:type/:id", update),
  route("DELETE", "/crm/v3/objects/:type/:id", archive),
];
