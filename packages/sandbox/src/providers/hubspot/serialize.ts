import { associatedIds, associationLabel } from "./associations";
import { type CrmObjectType, findObjectType, knownProperties } from "./object-types";
import type { CrmRecord, HubspotStore, IndexedVersion } from "./store";

/** `SimplePublicObject`, HubSpot's shape for every CRM record. */
export interface ApiObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface PropertySelection {
  type: CrmObjectType;
  /** Explicitly requested properties; undefined means the type's default set. */
  requested?: readonly string[];
  customProperties: readonly string[];
}

/**
 * What a read returns: the requested (or default) properties plus the system ones, `null` for a
 * known property without a value, unknown names left out.
 */
export function selectProperties(
  values: Record<string, string>,
  selection: PropertySelection,
): Record<string, string | null> {
  const { type, requested, customProperties } = selection;
  const known = new Set([...knownProperties(type), ...customProperties]);
  const names = requested
    ? [...requested, "hs_object_id", type.createdProperty, type.modifiedProperty]
    : type.defaultProperties;
  const selected: Record<string, string | null> = {};
  for (const name of names) if (known.has(name)) selected[name] = values[name] ?? null;
  return selected;
}

/** A record as a read with `properties=` (or the default set) returns it. */
export function toApiObject(record: CrmRecord | (IndexedVersion & { id: string }), selection: PropertySelection) {
  return shape(record, selectProperties(record.properties, selection));
}

/** A record with every stored property, as create and update answer (and `state()` shows). */
export function toFullApiObject(record: CrmRecord): ApiObject {
  return shape(record, { ...record.properties });
}

/** The v3 `associations=` expansion of a read. */
export function withAssociations(
  object: ApiObject,
  store: HubspotStore,
  record: CrmRecord,
  toTypes: readonly string[],
): ApiObject {
  const associations: NonNullable<ApiObject["associations"]> = {};
  for (const segment of toTypes) {
    const toType = findObjectType(segment);
    if (!toType) continue;
    const ids = associatedIds(store, { type: record.type, id: record.id }, toType.name);
    if (ids.length === 0) continue;
    const type = associationLabel(record.type, toType.name);
    associations[toType.name] = { results: ids.map((id) => ({ id, type })) };
  }
  return Object.keys(associations).length > 0 ? { ...object, associations } : object;
}

function shape(
  record: { id: string; createdAt: string; updatedAt: string; archived: boolean; archivedAt?: string },
  properties: Record<string, string | null>,
): ApiObject {
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
  };
}
