import { validationError } from "./errors";

export type CrmObjectName = "contacts" | "deals" | "tasks" | "notes";

export interface CrmObjectType {
  name: CrmObjectName;
  /** The object type id of the current spec (`0-3` for deals). */
  typeId: string;
  singular: string;
  /** `crm.objects.<scope>.read|write` guards the type. */
  scope: "contacts" | "deals";
  /** Properties a client may write. */
  writable: readonly string[];
  /** What a read without `properties=` returns. */
  defaultProperties: readonly string[];
  createdProperty: string;
  modifiedProperty: string;
  dateProperties: readonly string[];
  /** Properties the free-text `query` of a search looks at. */
  queryProperties: readonly string[];
  /** Unique property accepted as `idProperty` (reads and batch upsert). */
  uniqueProperty?: string;
  /** Properties a create must set (HubSpot's docs mark `hs_timestamp` required on engagements). */
  requiredOnCreate: readonly string[];
}

const CONTACT: CrmObjectType = {
  name: "contacts",
  typeId: "0-1",
  singular: "contact",
  scope: "contacts",
  writable: [
    "email",
    "firstname",
    "lastname",
    "phone",
    "mobilephone",
    "company",
    "website",
    "jobtitle",
    "address",
    "city",
    "state",
    "zip",
    "country",
    "lifecyclestage",
    "hs_lead_status",
    "hubspot_owner_id",
    "createdate",
  ],
  defaultProperties: ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
  createdProperty: "createdate",
  modifiedProperty: "lastmodifieddate",
  dateProperties: ["createdate", "lastmodifieddate"],
  queryProperties: ["firstname", "lastname", "email", "phone", "mobilephone", "company", "website"],
  uniqueProperty: "email",
  requiredOnCreate: [],
};

const DEAL: CrmObjectType = {
  name: "deals",
  typeId: "0-3",
  singular: "deal",
  scope: "deals",
  writable: [
    "dealname",
    "dealstage",
    "pipeline",
    "amount",
    "closedate",
    "dealtype",
    "description",
    "hs_priority",
    "deal_currency_code",
    "hubspot_owner_id",
    "createdate",
  ],
  defaultProperties: [
    "amount",
    "closedate",
    "createdate",
    "dealname",
    "dealstage",
    "hs_lastmodifieddate",
    "hs_object_id",
    "pipeline",
  ],
  createdProperty: "createdate",
  modifiedProperty: "hs_lastmodifieddate",
  dateProperties: ["closedate", "createdate", "hs_lastmodifieddate"],
  queryProperties: ["dealname", "description"],
  requiredOnCreate: [],
};

const TASK: CrmObjectType = {
  name: "tasks",
  typeId: "0-27",
  singular: "task",
  scope: "contacts",
  writable: [
    "hs_task_subject",
    "hs_task_body",
    "hs_task_status",
    "hs_task_priority",
    "hs_task_type",
    "hs_timestamp",
    "hs_task_completion_date",
    "hubspot_owner_id",
  ],
  defaultProperties: ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
  createdProperty: "hs_createdate",
  modifiedProperty: "hs_lastmodifieddate",
  dateProperties: ["hs_timestamp", "hs_task_completion_date", "hs_createdate", "hs_lastmodifieddate"],
  queryProperties: ["hs_task_subject", "hs_task_body"],
  requiredOnCreate: ["hs_timestamp"],
};

const NOTE: CrmObjectType = {
  name: "notes",
  typeId: "0-46",
  singular: "note",
  scope: "contacts",
  writable: ["hs_note_body", "hs_timestamp", "hubspot_owner_id", "hs_attachment_ids"],
  defaultProperties: ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
  createdProperty: "hs_createdate",
  modifiedProperty: "hs_lastmodifieddate",
  dateProperties: ["hs_timestamp", "hs_createdate", "hs_lastmodifieddate"],
  queryProperties: ["hs_note_body"],
  requiredOnCreate: ["hs_timestamp"],
};

export const CRM_OBJECT_TYPES: Record<CrmObjectName, CrmObjectType> = {
  contacts: CONTACT,
  deals: DEAL,
  tasks: TASK,
  notes: NOTE,
};

const ALIASES = new Map<string, CrmObjectType>(
  Object.values(CRM_OBJECT_TYPES).flatMap((type) => [
    [type.name, type],
    [type.singular, type],
    [type.typeId, type],
  ]),
);

/** `contacts`, `contact` and `0-1` all name contacts, as in HubSpot's paths. */
export function findObjectType(segment: string): CrmObjectType | undefined {
  return ALIASES.get(segment.toLowerCase());
}

export function resolveObjectType(segment: string): CrmObjectType {
  const type = findObjectType(segment);
  if (!type) throw validationError(`Unable to infer object type from: ${segment}`);
  return type;
}

/** Properties every stored record of the type may carry (writable plus system-maintained). */
export function knownProperties(type: CrmObjectType): Set<string> {
  return new Set([...type.writable, ...type.defaultProperties, type.createdProperty, type.modifiedProperty]);
}
