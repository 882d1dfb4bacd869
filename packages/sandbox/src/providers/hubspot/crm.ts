import type { SandboxClock } from "../../clock";
import { associate, targetTypeOf } from "./associations";
import { contactExists, type HubspotErrorDetail, validationError } from "./errors";
import type { CrmObjectName, CrmObjectType } from "./object-types";
import { normalizeProperties } from "./properties";
import type { CrmRecord, HubspotStore } from "./store";
import type { ChangeSource, HubspotWebhooks } from "./webhooks";

export interface InlineAssociation {
  to: { id: string };
  types: { associationCategory: string; associationTypeId: number }[];
}

export interface CrmServiceOptions {
  store: HubspotStore;
  clock: SandboxClock;
  webhooks: HubspotWebhooks;
  customProperties: Partial<Record<CrmObjectName, readonly string[]>>;
  /** How long a write takes to reach search results. */
  indexingLagMs: number;
}

/** Events are only defined for contacts and deals among the emulated types. */
const EVENT_OBJECTS = new Set<CrmObjectName>(["contacts", "deals"]);
const SILENT_PROPERTIES = new Set(["hs_object_id", "lastmodifieddate", "hs_lastmodifieddate"]);

/** Writes to CRM records: validation, uniqueness, defaults, the search index and webhook events. */
export class CrmService {
  constructor(private readonly options: CrmServiceOptions) {}

  create(
    type: CrmObjectType,
    input: { properties: Record<string, unknown>; associations?: InlineAssociation[] },
    source: ChangeSource,
  ): CrmRecord {
    const { store, clock } = this.options;
    const written = normalizeProperties(input.properties, this.rules(type));
    if (type.name === "contacts" && written.email) {
      const existing = store.contactByEmail(written.email);
      if (existing) throw contactExists(existing.id, written.email, clock.nowMs());
    }
    const targets = this.resolveAssociations(type, input.associations ?? []);
    const now = clock.now().toISOString();
    const id = store.newObjectId();
    const properties: Record<string, string> = {
      ...defaultsFor(type, written, now),
      ...dropEmpty(written),
      hs_object_id: id,
      [type.modifiedProperty]: now,
    };
    properties[type.createdProperty] ??= now;
    const record: CrmRecord = {
      id,
      type: type.name,
      properties,
      createdAt: now,
      updatedAt: now,
      archived: false,
      indexVersions: [],
    };
    store.records.set(id, record);
    for (const target of targets) associate(store, { type: type.name, id }, target, now);
    this.index(record);
    this.emit(type, record, "creation", source);
    for (const [name, value] of Object.entries(properties)) this.emitChange(type, record, name, value, source);
    return record;
  }

  update(type: CrmObjectType, record: CrmRecord, input: Record<string, unknown>, source: ChangeSource): CrmRecord {
    const { store, clock } = this.options;
    const written = normalizeProperties(input, { ...this.rules(type), current: record.properties });
    if (type.name === "contacts" && written.email && written.email !== record.properties.email) {
      const existing = store.contactByEmail(written.email);
      if (existing && existing.id !== record.id) throw contactExists(existing.id, written.email, clock.nowMs());
    }
    const now = clock.now().toISOString();
    if (written.hs_task_status === "COMPLETED" && record.properties.hs_task_status !== "COMPLETED")
      written.hs_task_completion_date ??= now;
    const changed: [string, string][] = [];
    for (const [name, value] of Object.entries(written)) {
      if ((record.properties[name] ?? "") === value) continue;
      changed.push([name, value]);
      if (value === "") delete record.properties[name];
      else record.properties[name] = value;
    }
    record.properties[type.modifiedProperty] = now;
    record.updatedAt = now;
    this.index(record);
    for (const [name, value] of changed) this.emitChange(type, record, name, value, source);
    return record;
  }

  archive(type: CrmObjectType, record: CrmRecord, source: ChangeSource): void {
    if (record.archived) return;
    const now = this.options.clock.now().toISOString();
    record.archived = true;
    record.archivedAt = now;
    record.updatedAt = now;
    this.index(record);
    this.emit(type, record, "deletion", source);
  }

  /** Looks a record up by id, or by its unique property (`idProperty=email`). */
  find(type: CrmObjectType, id: string, options: { idProperty?: string; archived?: boolean } = {}) {
    const { store } = this.options;
    const idProperty = options.idProperty ?? "hs_object_id";
    if (idProperty !== "hs_object_id" && idProperty !== type.uniqueProperty)
      throw validationError(`${idProperty} is not a unique property of ${type.name}`);
    const record = idProperty === "email" ? store.contactByEmail(id) : store.find(type.name, id);
    if (!record) return undefined;
    return record.archived === (options.archived ?? false) ? record : undefined;
  }

  private rules(type: CrmObjectType) {
    return { type, customProperties: this.options.customProperties[type.name] ?? [] };
  }

  private resolveAssociations(type: CrmObjectType, associations: InlineAssociation[]) {
    const errors: HubspotErrorDetail[] = [];
    const targets = associations.flatMap((association) =>
      association.types.flatMap((spec) => {
        const toType = targetTypeOf(type.name, spec.associationTypeId);
        const target = toType ? this.options.store.find(toType, association.to.id) : undefined;
        if (toType && target && !target.archived) return [{ type: toType, id: target.id }];
        errors.push({
          message: toType
            ? `No ${toType} with id ${association.to.id} exists to associate with`
            : `${spec.associationTypeId} is not a valid association type id for ${type.name}`,
          in: "associations",
        });
        return [];
      }),
    );
    if (errors.length > 0) throw validationError("One or more associations are invalid", errors);
    return targets;
  }

  private index(record: CrmRecord): void {
    const nowMs = this.options.clock.nowMs();
    const visible = record.indexVersions.filter((version) => version.visibleAtMs <= nowMs);
    // Versions hidden behind a newer visible one can never be read again.
    record.indexVersions = [...visible.slice(-1), ...record.indexVersions.filter((v) => v.visibleAtMs > nowMs)];
    record.indexVersions.push({
      visibleAtMs: nowMs + this.options.indexingLagMs,
      properties: { ...record.properties },
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      archived: record.archived,
    });
  }

  private emit(type: CrmObjectType, record: CrmRecord, kind: "creation" | "deletion", source: ChangeSource) {
    if (EVENT_OBJECTS.has(type.name))
      this.options.webhooks.record({ objectName: type.singular, kind, objectId: record.id, source });
  }

  private emitChange(type: CrmObjectType, record: CrmRecord, name: string, value: string, source: ChangeSource) {
    if (!EVENT_OBJECTS.has(type.name) || SILENT_PROPERTIES.has(name)) return;
    this.options.webhooks.record({
      objectName: type.singular,
      kind: "propertyChange",
      objectId: record.id,
      propertyName: name,
      propertyValue: value,
      source,
    });
  }
}

function defaultsFor(type: CrmObjectType, written: Record<string, string>, now: string): Record<string, string> {
  if (type.name === "deals") return { pipeline: "default" };
  if (type.name === "tasks") {
    const status = written.hs_task_status || "NOT_STARTED";
    return { hs_task_status: status, ...(status === "COMPLETED" ? { hs_task_completion_date: now } : {}) };
  }
  return {};
}

function dropEmpty(properties: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== ""));
}
