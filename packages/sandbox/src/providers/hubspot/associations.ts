import type { CrmObjectName } from "./object-types";
import type { HubspotStore } from "./store";

/** HubSpot-defined, unlabelled association type ids, keyed `from->to`. */
const DEFAULT_TYPE_IDS: Record<string, number> = {
  "contacts->deals": 4,
  "deals->contacts": 3,
  "contacts->notes": 201,
  "notes->contacts": 202,
  "contacts->tasks": 203,
  "tasks->contacts": 204,
  "deals->notes": 213,
  "notes->deals": 214,
  "deals->tasks": 215,
  "tasks->deals": 216,
};

export const HUBSPOT_DEFINED = "HUBSPOT_DEFINED";

export function defaultAssociationTypeId(from: CrmObjectName, to: CrmObjectName): number | undefined {
  return DEFAULT_TYPE_IDS[`${from}->${to}`];
}

/** Which object type an inline association on create points at, from its type id. */
export function targetTypeOf(from: CrmObjectName, associationTypeId: number): CrmObjectName | undefined {
  for (const [key, id] of Object.entries(DEFAULT_TYPE_IDS)) {
    const [source, target] = key.split("->") as [CrmObjectName, CrmObjectName];
    if (source === from && id === associationTypeId) return target;
  }
  return undefined;
}

/** The v3 label of a default association, e.g. `contact_to_deal`. */
export function associationLabel(from: CrmObjectName, to: CrmObjectName): string {
  return `${from.slice(0, -1)}_to_${to.slice(0, -1)}`;
}

export interface Endpoint {
  type: CrmObjectName;
  id: string;
}

/** Idempotent, as HubSpot's PUT is: associating twice keeps one association. */
export function associate(store: HubspotStore, from: Endpoint, to: Endpoint, createdAt: string): void {
  if (findAssociation(store, from, to) >= 0) return;
  store.associations.push({ fromType: from.type, fromId: from.id, toType: to.type, toId: to.id, createdAt });
}

export function dissociate(store: HubspotStore, from: Endpoint, to: Endpoint): boolean {
  const index = findAssociation(store, from, to);
  if (index < 0) return false;
  store.associations.splice(index, 1);
  return true;
}

/** Ids of live `toType` records associated with `from`, in id order. */
export function associatedIds(store: HubspotStore, from: Endpoint, toType: CrmObjectName): string[] {
  const ids = store.associations.flatMap((association) => {
    if (association.fromType === from.type && association.fromId === from.id && association.toType === toType)
      return [association.toId];
    if (association.toType === from.type && association.toId === from.id && association.fromType === toType)
      return [association.fromId];
    return [];
  });
  return ids.filter((id) => store.find(toType, id)?.archived === false).sort((a, b) => Number(a) - Number(b));
}

function findAssociation(store: HubspotStore, a: Endpoint, b: Endpoint): number {
  return store.associations.findIndex(
    (association) =>
      (association.fromType === a.type &&
        association.fromId === a.id &&
        association.toType === b.type &&
        association.toId === b.id) ||
      (association.fromType === b.type &&
        association.fromId === b.id &&
        association.toType === a.type &&
        association.toId === a.id),
  );
}
