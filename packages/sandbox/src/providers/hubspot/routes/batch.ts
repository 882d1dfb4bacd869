import { z } from "zod";
import { type ApiCall, readJson } from "../context";
import { HubspotApiError, validationError } from "../errors";
import type { CrmObjectType } from "../object-types";
import { type Params, type Route, route } from "../router";
import { toApiObject, toFullApiObject } from "../serialize";
import type { CrmRecord } from "../store";
import { objectTypeFor, selectionFor, ZInlineAssociation, ZProperties } from "./objects";

const MAX_BATCH_INPUTS = 100;
const ZId = z.union([z.string(), z.number()]).transform(String);

const ZBatchRead = z.object({
  inputs: z.array(z.object({ id: ZId })),
  properties: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});
const ZBatchCreate = z.object({
  inputs: z.array(z.object({ properties: ZProperties, associations: z.array(ZInlineAssociation).optional() })),
});
const ZBatchUpdate = z.object({
  inputs: z.array(z.object({ id: ZId, idProperty: z.string().optional(), properties: ZProperties })),
});
const ZBatchArchive = z.object({ inputs: z.array(z.object({ id: ZId })) });
const ZBatchUpsert = z.object({
  inputs: z.array(z.object({ id: ZId, idProperty: z.string(), properties: ZProperties })),
});

interface StandardError {
  status: "error";
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: unknown[];
  links: Record<string, string>;
}

function checkSize(inputs: readonly unknown[]) {
  if (inputs.length > MAX_BATCH_INPUTS)
    throw validationError(`Too many inputs: a batch accepts at most ${MAX_BATCH_INPUTS}, got ${inputs.length}`);
}

/** Runs each input on its own: one failure becomes an entry of `errors` (207), not a failed call. */
function settle<TInput, TResult>(inputs: TInput[], run: (input: TInput) => TResult) {
  const results: TResult[] = [];
  const errors: StandardError[] = [];
  for (const input of inputs) {
    try {
      results.push(run(input));
    } catch (error) {
      if (!(error instanceof HubspotApiError)) throw error;
      const { errors: details = [], context = {} } = error.extra as {
        errors?: unknown[];
        context?: StandardError["context"];
      };
      errors.push({
        status: "error",
        category: error.category,
        message: error.message,
        context,
        errors: details,
        links: {},
      });
    }
  }
  return { results, errors };
}

function batchResponse(call: ApiCall, outcome: { results: unknown[]; errors: StandardError[] }, okStatus: number) {
  const now = call.runtime.clock.now().toISOString();
  const base = { status: "COMPLETE", results: outcome.results, startedAt: now, completedAt: now };
  if (outcome.errors.length === 0) return { status: okStatus, body: base };
  return { status: 207, body: { ...base, numErrors: outcome.errors.length, errors: outcome.errors } };
}

function batchRead(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "read");
  const input = readJson(call.request, ZBatchRead);
  checkSize(input.inputs);
  const archived = call.request.query.get("archived") === "true";
  const selection = selectionFor(call, type, input.properties);
  const found: CrmRecord[] = [];
  const missing: string[] = [];
  for (const { id } of input.inputs) {
    const record = call.runtime.crm.find(type, id, { idProperty: input.idProperty, archived });
    if (record) found.push(record);
    else missing.push(id);
  }
  const errors: StandardError[] =
    missing.length === 0
      ? []
      : [
          {
            status: "error",
            category: "OBJECT_NOT_FOUND",
            message: `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
            context: { ids: missing },
            errors: [],
            links: {},
          },
        ];
  return batchResponse(call, { results: found.map((record) => toApiObject(record, selection)), errors }, 200);
}

function batchCreate(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "write");
  const { inputs } = readJson(call.request, ZBatchCreate);
  checkSize(inputs);
  const outcome = settle(inputs, (input) => toFullApiObject(call.runtime.crm.create(type, input, "API")));
  return batchResponse(call, outcome, 201);
}

function batchUpdate(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "write");
  const { inputs } = readJson(call.request, ZBatchUpdate);
  checkSize(inputs);
  const outcome = settle(inputs, (input) => {
    const record = call.runtime.crm.find(type, input.id, { idProperty: input.idProperty });
    if (!record) throw new HubspotApiError(404, "OBJECT_NOT_FOUND", `No ${type.singular} with id ${input.id}`);
    return toFullApiObject(call.runtime.crm.update(type, record, input.properties, "API"));
  });
  return batchResponse(call, outcome, 200);
}

function batchArchive(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "write");
  const { inputs } = readJson(call.request, ZBatchArchive);
  checkSize(inputs);
  for (const { id } of inputs) {
    const record = call.runtime.store.find(type.name, id);
    if (record) call.runtime.crm.archive(type, record, "API");
  }
  return { status: 204 };
}

function batchUpsert(call: ApiCall, params: Params) {
  const type = objectTypeFor(call, params.type ?? "", "write");
  const { inputs } = readJson(call.request, ZBatchUpsert);
  checkSize(inputs);
  checkUpsertIds(type, inputs);
  const outcome = settle(inputs, (input) => {
    const existing = call.runtime.crm.find(type, input.id, { idProperty: input.idProperty });
    const record = existing
      ? call.runtime.crm.update(type, existing, input.properties, "API")
      : call.runtime.crm.create(type, { properties: { ...input.properties, [input.idProperty]: input.id } }, "API");
    return { ...toFullApiObject(record), new: !existing };
  });
  return batchResponse(call, outcome, 200);
}

function checkUpsertIds(type: CrmObjectType, inputs: { id: string; idProperty: string }[]) {
  const wrong = inputs.find((input) => input.idProperty !== type.uniqueProperty);
  if (wrong)
    throw validationError(
      `${wrong.idProperty} is not a unique property of ${type.name}; upsert needs a unique idProperty`,
    );
  const ids = inputs.map((input) => input.id.trim().toLowerCase());
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) throw validationError(`Duplicate IDs found in batch input: ${duplicates.join(", ")}`);
}

export const batchRoutes: Route<ApiCall>[] = [
  route("POST", "/crm/v3/objects/:type/batch/read", batchRead),
  route("POST", "/crm/v3/objects/:type/batch/create", batchCreate),
  route("POST", "/crm/v3/objects/:type/batch/update", batchUpdate),
  route("POST", "/crm/v3/objects/:type/batch/archive", batchArchive),
  route("POST", "/crm/v3/objects/:type/batch/upsert", batchUpsert),
];
