import type { CrmObjectName } from "./object-types";

/** One version of a record as the (eventually consistent) search index sees it. */
export interface IndexedVersion {
  visibleAtMs: number;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface CrmRecord {
  id: string;
  type: CrmObjectName;
  /** Every value is a string, as HubSpot stores them; an empty string clears a property. */
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** Oldest first; search reads the newest one already visible. */
  indexVersions: IndexedVersion[];
}

/** Stored once per pair; the association type id is derived from the direction it is read in. */
export interface AssociationRecord {
  fromType: CrmObjectName;
  fromId: string;
  toType: CrmObjectName;
  toId: string;
  createdAt: string;
}

export interface WebhookSettings {
  targetUrl: string;
  throttling: { maxConcurrentRequests: number; period: string };
  createdAt: string;
  updatedAt: string;
}

export interface WebhookSubscription {
  id: number;
  eventType: string;
  propertyName?: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

const FIRST_OBJECT_ID = 1001;

/** The portal's records; ids are shared across object types so a deal id never finds a contact. */
export class HubspotStore {
  records = new Map<string, CrmRecord>();
  associations: AssociationRecord[] = [];
  webhookSettings: WebhookSettings | undefined;
  subscriptions: WebhookSubscription[] = [];
  private nextObjectId = FIRST_OBJECT_ID;
  private nextSubscriptionId = 1;
  private nextEventId = 100_001;

  reset(): void {
    this.records = new Map();
    this.associations = [];
    this.webhookSettings = undefined;
    this.subscriptions = [];
    this.nextObjectId = FIRST_OBJECT_ID;
    this.nextSubscriptionId = 1;
    this.nextEventId = 100_001;
  }

  newObjectId(): string {
    const id = String(this.nextObjectId);
    this.nextObjectId += 1;
    return id;
  }

  newSubscriptionId(): number {
    const id = this.nextSubscriptionId;
    this.nextSubscriptionId += 1;
    return id;
  }

  newEventId(): number {
    const id = this.nextEventId;
    this.nextEventId += 1;
    return id;
  }

  /** Records of one type in id order, archived ones included. */
  ofType(type: CrmObjectName): CrmRecord[] {
    return [...this.records.values()]
      .filter((record) => record.type === type)
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  find(type: CrmObjectName, id: string): CrmRecord | undefined {
    const record = this.records.get(id);
    return record?.type === type ? record : undefined;
  }

  /** Email is unique among live contacts, compared case-insensitively. */
  contactByEmail(email: string): CrmRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return this.ofType("contacts").find((record) => !record.archived && record.properties.email === wanted);
  }
}
