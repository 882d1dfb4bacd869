import { z } from "zod";
import {
  associate,
  associatedIds,
  defaultAssociationTypeId,
  dissociate,
  type Endpoint,
  HUBSPOT_DEFINED,
} from "../associations";
import { type ApiCall, readJson } from "../context";
import { objectNotFound, validationError } from "../errors";
import type { CrmObjectType } from "../object-types";
import { resolveObjectType } from "../object-types";
import { type Params, type Route, route } from "../router";
import { objectTypeFor } from "./objects";

const ZId = z.union([z.string(), z.number()]).transform(String);
const ZAssociationSpecs = z.array(z.object({ associationCategory: z.string(), associationTypeId: z.number().int() }));
const ZBatchPairs = z.object({ inputs: z.array(z.object({ from: z.object({ id: ZId }), to: z.object({ id: ZId }) })) });
const ZBatchRead = z.object({ inputs: z.array(z.object({ id: ZId })) });

const LIST_DEFAULT_LIMIT = 500;

interface Pair {
  from: CrmObjectType;
  to: CrmObjectType;
  typeId: number;
}

function pairFor(call: ApiCall, params: Params, access: "read" | "write"): Pair {
  const from = objectTypeFor(call, params.fromType ?? "", access);
  const to = resolveObjectType(params.toType ?? "");
  const typeId = defaultAssociationTypeId(from.name, to.name);
  if (typeId === undefined) throw validationError(`${from.name} cannot be associated with ${to.name}`);
  return { from, to, typeId };
}

/** A live record, or HubSpot's 404 when either side of an association is missing. */
function existing(call: ApiCall, type: CrmObjectType, id: string): Endpoint {
  const record = call.runtime.store.find(type.name, id);
  if (!record || record.archived) throw objectNotFound(`No ${type.singular} with id ${id} exists`);
  return { type: type.name, id };
}

function specResults(pair: Pair, fromId: string, toId: string) {
  const reverse = defaultAssociationTypeId(pair.to.name, pair.from.name);
  const spec = (typeId: number | undefined) => ({ associationCategory: HUBSPOT_DEFINED, associationTypeId: typeId });
  return [
    { from: { id: fromId }, to: { id: toId }, associationSpec: spec(pair.typeId) },
    { from: { id: toId }, to: { id: fromId }, associationSpec: spec(reverse) },
  ];
}

function batch(call: ApiCall, results: unknown[], errors: unknown[]) {
  const now = call.runtime.clock.now().toISOString();
  const body = { status: "COMPLETE", results, startedAt: now, completedAt: now };
  return errors.length === 0
    ? { status: 200, body }
    : { status: 207, body: { ...body, numErrors: errors.length, errors } };
}

function associateDefault(call: ApiCall, params: Params) {
  const pair = pairFor(call, params, "write");
  const from = existing(call, pair.from, params.fromId ?? "");
  const to = existing(call, pair.to, params.toId ?? "");
  associate(call.runtime.store, from, to, call.runtime.clock.now().toISOString());
  return batch(call, specResults(pair, from.id, to.id), []);
}

function associateTyped(call: ApiCall, params: Params) {
  const pair = pairFor(call, params, "write");
  const from = existing(call, pair.from, params.fromId ?? "");
  const to = existing(call, pair.to, params.toId ?? "");
  const specs = readJson(call.request, ZAssociationSpecs);
  const unknown = specs.find(
    (spec) => spec.associationCategory !== HUBSPOT_DEFINED || spec.associationTypeId !== pair.typeId,
  );
  if (unknown || specs.length === 0)
    throw validationError(
      `${unknown?.associationCategory ?? "no"} association type ${unknown?.associationTypeId ?? ""} is not valid from ${pair.from.name} to ${pair.to.name}`,
    );
  associate(call.runtime.store, from, to, call.runtime.clock.now().toISOString());
  return {
    status: 201,
    body: {
      fromObjectTypeId: pair.from.typeId,
      fromObjectId: Number(from.id),
      toObjectTypeId: pair.to.typeId,
      toObjectId: Number(to.id),
      labels: [],
    },
  };
}

function listAssociations(call: ApiCall, params: Params) {
  const pair = pairFor(call, params, "read");
  const from = existing(call, pair.from, params.fromId ?? "");
  const limit = Math.min(Number(call.request.query.get("limit")) || LIST_DEFAULT_LIMIT, LIST_DEFAULT_LIMIT);
  const after = Number(call.request.query.get("after") ?? 0) || 0;
  const ids = associatedIds(call.runtime.store, from, pair.to.name).filter((id) => Number(id) >= after);
  const results = ids.slice(0, limit).map((id) => ({
    toObjectId: Number(id),
    associationTypes: [{ category: HUBSPOT_DEFINED, typeId: pair.typeId, label: null }],
  }));
  const next = ids[limit];
  return { status: 200, body: { results, ...(next ? { paging: { next: { after: next } } } : {}) } };
}

function removeAssociation(call: ApiCall, params: Params) {
  const pair = pairFor(call, params, "write");
  dissociate(
    call.runtime.store,
    existing(call, pair.from, params.fromId ?? ""),
    existing(call, pair.to, params.toId ?? ""),
  );
  return { status: 204 };
}

function batchAssociateDefault(call: ApiCall, params: Params) {
  const pair = pairFor(call, params, "write");
  const { inputs } = readJson(call.request, ZBatchPairs);
  const now = call.runtime.clock.now().toISOString();
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    try {
      const from = existing(call, pair.from, input.from.id);
      const to = existing(call, pair.to, input.to.id);
      associate(call.runtime.store, from, to, now);
      results.push(...specResults(pair, from.id, to.id));
    } catch (error) {
      errors.push({ status: "error", category: "OBJECT_NOT_FOUND", message: (error as Error).message, context: {} });
    }
  }
  return batch(call, results, errors);
}

function batchReadAssociations(call: ApiCall, params: Params) {
  const pair = pairFor(call, params, "read");
  const { inputs } = readJson(call.request, ZBatchRead);
  const results = inputs.flatMap(({ id }) => {
    const record = call.runtime.store.find(pair.from.name, id);
    if (!record || record.archived) return [];
    const to = associatedIds(call.runtime.store, { type: pair.from.name, id }, pair.to.name).map((toId) => ({
      toObjectId: Number(toId),
      associationTypes: [{ category: HUBSPOT_DEFINED, typeId: pair.typeId, label: null }],
    }));
    return [{ from: { id }, to }];
  });
  return batch(call, results, []);
}

const OBJECT = "/crm/v4/objects/:fromType/:fromId/associations";

export const associationRoutes: Route<ApiCall>[] = [
  route("PUT", `${OBJECT}/default/:toType/:toId`, associateDefault),
  route("PUT", `${OBJECT}/:toType/:toId`, associateTyped),
  route("GET", `${OBJECT}/:toType`, listAssociations),
  route("DELETE", `${OBJECT}/:toType/:toId`, removeAssociation),
  route("POST", "/crm/v4/associations/:fromType/:toType/batch/associate/default", batchAssociateDefault),
  route("POST", "/crm/v4/associations/:fromType/:toType/batch/read", batchReadAssociations),
];
