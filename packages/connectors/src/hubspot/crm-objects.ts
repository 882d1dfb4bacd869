import { ConnectorError, type HttpClient, type JsonValue } from "@handoff/connector-sdk";
import { z } from "zod";
import { CRM_OBJECTS_PATH } from "./client";

/** `SimplePublicObject`: every property value is a string, or null when a requested one is empty. */
export const ZHubspotObject = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable()).default({}),
});
export type HubspotObject = z.output<typeof ZHubspotObject>;

const ZSearchResponse = z.object({ total: z.number().optional(), results: z.array(ZHubspotObject) });

export type CrmObjectType = "contacts" | "deals" | "tasks" | "notes";

/** HubSpot-defined, unlabelled association type ids used for inline associations on create. */
export const ASSOCIATION_TYPE_IDS = {
  dealToContact: 3,
  noteToContact: 202,
  noteToDeal: 214,
  taskToContact: 204,
  taskToDeal: 216,
} as const;

export interface InlineAssociation {
  to: { id: string };
  types: { associationCategory: "HUBSPOT_DEFINED"; associationTypeId: number }[];
}

export function inlineAssociation(id: string, associationTypeId: number): InlineAssociation {
  return { to: { id }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId }] };
}

/** A provider body that is not the documented shape is a bug to see, not data to pass on. */
export function readObject(body: JsonValue, what: string): HubspotObject {
  const parsed = ZHubspotObject.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ConnectorError({ code: "unknown", message: `HubSpot answered ${what} with an unexpected body` });
}

/** The JSON-safe output form of a record. */
export type RecordOutput = { id: string; properties: Record<string, string | null> };

export function toRecordOutput(object: HubspotObject): RecordOutput {
  return { id: object.id, properties: object.properties };
}

export function objectPath(type: CrmObjectType, id?: string): string {
  return id === undefined ? `${CRM_OBJECTS_PATH}/${type}` : `${CRM_OBJECTS_PATH}/${type}/${encodeURIComponent(id)}`;
}

export interface SearchFilter {
  propertyName: string;
  operator: "EQ";
  value: string;
}

/**
 * `POST …/search` with the filter groups ORed. Search is eventually consistent (a write takes a
 * few seconds to show): callers use it only where HubSpot offers no strongly consistent read.
 */
export async function searchObjects(
  client: HttpClient,
  type: CrmObjectType,
  filterGroups: SearchFilter[][],
  options: { properties?: readonly string[]; limit?: number } = {},
): Promise<HubspotObject[]> {
  const response = await client.request({
    method: "POST",
    path: `${objectPath(type)}/search`,
    json: {
      filterGroups: filterGroups.map((filters) => ({ filters })),
      ...(options.properties ? { properties: options.properties } : {}),
      sorts: [{ propertyName: "hs_object_id", direction: "ASCENDING" }],
      limit: options.limit ?? 10,
    },
  });
  const parsed = ZSearchResponse.safeParse(response.body);
  if (!parsed.success) {
    throw new ConnectorError({
      code: "unknown",
      message: `HubSpot answered the ${type} search with an unexpected body`,
    });
  }
  return parsed.data.results;
}

/** Reads one record; undefined when HubSpot has no such (live) record. */
export async function getObject(
  client: HttpClient,
  type: CrmObjectType,
  id: string,
  options: { properties?: readonly string[]; idProperty?: string } = {},
): Promise<HubspotObject | undefined> {
  const response = await client.request({
    method: "GET",
    path: objectPath(type, id),
    query: {
      ...(options.properties ? { properties: options.properties.join(",") } : {}),
      ...(options.idProperty ? { idProperty: options.idProperty } : {}),
    },
    accept: [404],
  });
  return response.status === 404 ? undefined : readObject(response.body, `the ${type} read`);
}

export async function updateObject(
  client: HttpClient,
  type: CrmObjectType,
  id: string,
  properties: Record<string, string>,
): Promise<HubspotObject> {
  const response = await client.request({ method: "PATCH", path: objectPath(type, id), json: { properties } });
  return readObject(response.body, `the ${type} update`);
}

/** The spec marks `associations` required on create, so an empty list is sent rather than nothing. */
export async function createObject(
  client: HttpClient,
  type: CrmObjectType,
  properties: Record<string, string>,
  associations: InlineAssociation[] = [],
): Promise<HubspotObject> {
  const response = await client.request({ method: "POST", path: objectPath(type), json: { properties, associations } });
  return readObject(response.body, `the ${type} create`);
}

/** Inline associations of a task or a note with the customer's contact and deal. */
export function engagementAssociations(
  kind: "task" | "note",
  ids: { contactId?: string | undefined; dealId?: string | undefined },
): InlineAssociation[] {
  const types =
    kind === "task"
      ? { contact: ASSOCIATION_TYPE_IDS.taskToContact, deal: ASSOCIATION_TYPE_IDS.taskToDeal }
      : { contact: ASSOCIATION_TYPE_IDS.noteToContact, deal: ASSOCIATION_TYPE_IDS.noteToDeal };
  return [
    ...(ids.contactId ? [inlineAssociation(ids.contactId, types.contact)] : []),
    ...(ids.dealId ? [inlineAssociation(ids.dealId, types.deal)] : []),
  ];
}
