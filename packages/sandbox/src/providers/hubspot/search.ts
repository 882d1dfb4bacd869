import { z } from "zod";
import { associatedIds } from "./associations";
import { validationError } from "./errors";
import { type CrmObjectType, findObjectType } from "./object-types";
import { type ApiObject, toApiObject } from "./serialize";
import type { HubspotStore, IndexedVersion } from "./store";

const ZScalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const ZFilter = z.object({
  propertyName: z.string().min(1),
  operator: z.enum([
    "EQ",
    "NEQ",
    "LT",
    "LTE",
    "GT",
    "GTE",
    "BETWEEN",
    "IN",
    "NOT_IN",
    "HAS_PROPERTY",
    "NOT_HAS_PROPERTY",
    "CONTAINS_TOKEN",
    "NOT_CONTAINS_TOKEN",
  ]),
  value: ZScalar.optional(),
  highValue: ZScalar.optional(),
  values: z.array(ZScalar).optional(),
});
type Filter = z.infer<typeof ZFilter>;

const ZSort = z.union([
  z.string().transform((sort) => ({
    propertyName: sort.replace(/^-/, ""),
    direction: sort.startsWith("-") ? "DESCENDING" : "ASCENDING",
  })),
  z.object({ propertyName: z.string(), direction: z.enum(["ASCENDING", "DESCENDING"]).default("ASCENDING") }),
]);

export const ZSearchRequest = z.object({
  filterGroups: z.array(z.object({ filters: z.array(ZFilter) })).default([]),
  properties: z.array(z.string()).optional(),
  sorts: z.array(ZSort).default([]),
  query: z.string().max(3000).optional(),
  limit: z.number().int().min(0).default(10),
  after: z.union([z.string(), z.number()]).optional(),
});
export type SearchRequest = z.infer<typeof ZSearchRequest>;

export interface SearchLimits {
  maxFilterGroups: number;
  maxFiltersPerGroup: number;
  maxFilters: number;
  /** Results per page. */
  maxLimit: number;
  /** How deep paging may go in one query. */
  maxResults: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  maxFilterGroups: 5,
  maxFiltersPerGroup: 10,
  maxFilters: 25,
  maxLimit: 200,
  maxResults: 10_000,
};

export interface SearchContext {
  store: HubspotStore;
  type: CrmObjectType;
  nowMs: number;
  limits: SearchLimits;
  customProperties: readonly string[];
}

type Row = IndexedVersion & { id: string };

/** `POST /crm/v3/objects/{type}/search` over what the (lagging) index already holds. */
export function search(request: SearchRequest, context: SearchContext) {
  const { limits } = context;
  checkLimits(request, limits);
  const offset = request.after === undefined || request.after === "" ? 0 : Number(request.after);
  if (!Number.isInteger(offset) || offset < 0) throw validationError(`${request.after} is not a valid 'after' value`);
  if (offset >= limits.maxResults)
    throw validationError(`Paging beyond ${limits.maxResults} results is not supported for search`);
  const rows = indexedRows(context).filter(
    (row) =>
      (request.filterGroups.length === 0 ||
        request.filterGroups.some((group) => group.filters.every((filter) => matches(row, filter, context)))) &&
      matchesQuery(row, request.query, context.type),
  );
  const sort = request.sorts[0];
  if (sort) rows.sort((a, b) => compareRows(a, b, sort.propertyName) * (sort.direction === "DESCENDING" ? -1 : 1));
  const page = rows.slice(offset, offset + request.limit);
  const results: ApiObject[] = page.map((row) =>
    toApiObject(row, { type: context.type, requested: request.properties, customProperties: context.customProperties }),
  );
  const next = offset + request.limit;
  return {
    total: rows.length,
    results,
    ...(next < rows.length && next < limits.maxResults ? { paging: { next: { after: String(next) } } } : {}),
  };
}

function checkLimits(request: SearchRequest, limits: SearchLimits) {
  if (request.limit > limits.maxLimit)
    throw validationError(`Search limit must be at most ${limits.maxLimit}, got ${request.limit}`);
  if (request.filterGroups.length > limits.maxFilterGroups)
    throw validationError(`Too many filter groups: ${request.filterGroups.length} > ${limits.maxFilterGroups}`);
  const total = request.filterGroups.reduce((sum, group) => sum + group.filters.length, 0);
  if (request.filterGroups.some((group) => group.filters.length > limits.maxFiltersPerGroup))
    throw validationError(`Too many filters in a filter group: at most ${limits.maxFiltersPerGroup} per group`);
  if (total > limits.maxFilters) throw validationError(`Too many filters: ${total} > ${limits.maxFilters}`);
  for (const filter of request.filterGroups.flatMap((group) => group.filters)) checkFilter(filter);
}

function checkFilter(filter: Filter) {
  const needs =
    filter.operator === "IN" || filter.operator === "NOT_IN"
      ? filter.values === undefined && "values"
      : filter.operator === "HAS_PROPERTY" || filter.operator === "NOT_HAS_PROPERTY"
        ? false
        : filter.value === undefined
          ? "value"
          : filter.operator === "BETWEEN" && filter.highValue === undefined && "highValue";
  if (needs) throw validationError(`Filter on ${filter.propertyName} with operator ${filter.operator} needs ${needs}`);
}

function indexedRows({ store, type, nowMs }: SearchContext): Row[] {
  return store.ofType(type.name).flatMap((record) => {
    const version = record.indexVersions.findLast((candidate) => candidate.visibleAtMs <= nowMs);
    return version && !version.archived ? [{ ...version, id: record.id }] : [];
  });
}

function matches(row: Row, filter: Filter, context: SearchContext): boolean {
  const association = /^associations\.(.+)$/.exec(filter.propertyName);
  if (association) {
    const toType = findObjectType(association[1] ?? "");
    const ids = toType ? associatedIds(context.store, { type: context.type.name, id: row.id }, toType.name) : [];
    return compareValues(ids, filter, false);
  }
  const value = row.properties[filter.propertyName];
  return compareValues(value ? [value] : [], filter, context.type.dateProperties.includes(filter.propertyName));
}

/** Applies one operator to a property's values (several only for association pseudo-properties). */
function compareValues(present: string[], filter: Filter, isDate: boolean): boolean {
  const equal = (a: string, b: string) =>
    isDate ? toNumber(a, true) === toNumber(b, true) : a.toLowerCase() === b.toLowerCase();
  const target = filter.value ?? "";
  switch (filter.operator) {
    case "EQ":
      return present.some((value) => equal(value, target));
    case "NEQ":
      return !present.some((value) => equal(value, target));
    case "IN":
      return present.some((value) => (filter.values ?? []).some((candidate) => equal(value, candidate)));
    case "NOT_IN":
      return !present.some((value) => (filter.values ?? []).some((candidate) => equal(value, candidate)));
    case "HAS_PROPERTY":
      return present.length > 0;
    case "NOT_HAS_PROPERTY":
      return present.length === 0;
    case "CONTAINS_TOKEN":
      return present.some((value) => containsToken(value, target));
    case "NOT_CONTAINS_TOKEN":
      return !present.some((value) => containsToken(value, target));
    case "BETWEEN":
      return present.some(
        (value) => order(value, target, isDate) >= 0 && order(value, filter.highValue ?? "", isDate) <= 0,
      );
    default: {
      const wanted = { LT: (n: number) => n < 0, LTE: (n: number) => n <= 0, GT: (n: number) => n > 0 };
      const test = filter.operator === "GTE" ? (n: number) => n >= 0 : wanted[filter.operator];
      return present.some((value) => test(order(value, target, isDate)));
    }
  }
}

/** Token match with `*` wildcards, e.g. `*@example.com`; tokens are whitespace-separated words. */
function containsToken(value: string, token: string): boolean {
  const pattern = new RegExp(`^${token.split("*").map(escapeRegExp).join(".*")}$`, "i");
  return [value, ...value.split(/\s+/)].some((candidate) => pattern.test(candidate));
}

function matchesQuery(row: Row, query: string | undefined, type: CrmObjectType): boolean {
  const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const tokens = type.queryProperties.flatMap((name) => (row.properties[name] ?? "").toLowerCase().split(/[\s@.]+/));
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}

function compareRows(a: Row, b: Row, propertyName: string): number {
  const left = propertyName === "hs_object_id" ? a.id : a.properties[propertyName];
  const right = propertyName === "hs_object_id" ? b.id : b.properties[propertyName];
  if (left === undefined || right === undefined) return left === right ? 0 : left === undefined ? 1 : -1;
  return order(left, right, false);
}

/** Numbers and dates compare by value, everything else as case-insensitive text. */
function order(a: string, b: string, isDate: boolean): number {
  const left = toNumber(a, isDate);
  const right = toNumber(b, isDate);
  if (left !== undefined && right !== undefined) return left - right;
  return a.toLowerCase().localeCompare(b.toLowerCase());
}

function toNumber(value: string, isDate: boolean): number | undefined {
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (!isDate) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
