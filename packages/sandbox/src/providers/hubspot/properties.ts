import { type InvalidProperty, invalidPropertyValues } from "./errors";
import { HUBSPOT_DEFAULT_PIPELINE, HUBSPOT_SANDBOX_CUSTOM_PROPERTY_TYPES, HUBSPOT_SANDBOX_OWNERS } from "./fixtures";
import type { CrmObjectType } from "./object-types";

const ENUMS: Record<string, readonly string[]> = {
  hs_task_status: ["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"],
  hs_task_priority: ["NONE", "LOW", "MEDIUM", "HIGH"],
  hs_task_type: ["TODO", "CALL", "EMAIL", "LINKED_IN", "MEETING", "LINKED_IN_CONNECT", "LINKED_IN_MESSAGE"],
  lifecyclestage: [
    "subscriber",
    "lead",
    "marketingqualifiedlead",
    "salesqualifiedlead",
    "opportunity",
    "customer",
    "evangelist",
    "other",
  ],
  hs_priority: ["low", "medium", "high"],
};

/** Maintained by HubSpot itself: writing them is refused rather than ignored. */
const READ_ONLY = new Set(["hs_object_id", "lastmodifieddate", "hs_lastmodifieddate", "hs_createdate"]);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export interface PropertyWrite {
  type: CrmObjectType;
  /** Portal-specific custom properties of this type, writable like the built-in ones. */
  customProperties: readonly string[];
  /** The record's current values on update (deal stage checks need the current pipeline); absent on create. */
  current?: Record<string, string>;
}

/**
 * Validates a `properties` input and turns every value into the string HubSpot stores (dates as
 * ISO-8601, emails lower-cased). Throws the "Property values were not valid" 400 listing every problem.
 */
export function normalizeProperties(input: Record<string, unknown>, write: PropertyWrite): Record<string, string> {
  const invalid: InvalidProperty[] = [];
  const normalized: Record<string, string> = {};
  const writable = new Set([...write.type.writable, ...write.customProperties]);
  for (const [name, raw] of Object.entries(input)) {
    if (READ_ONLY.has(name)) {
      invalid.push({
        name,
        error: "READ_ONLY_VALUE",
        message: `${name} is a read only property; its value cannot be set.`,
      });
      continue;
    }
    if (!writable.has(name)) {
      invalid.push({ name, error: "PROPERTY_DOESNT_EXIST", message: `Property "${name}" does not exist` });
      continue;
    }
    const value = toStringValue(raw);
    if (value === undefined) {
      invalid.push({ name, error: "INVALID_TYPE", message: `${JSON.stringify(raw)} is not a valid property value` });
      continue;
    }
    const problem = value === "" ? undefined : checkValue(write.type, name, value);
    if (typeof problem === "object") invalid.push(problem);
    else normalized[name] = problem ?? value;
  }
  if (!write.current) {
    for (const name of write.type.requiredOnCreate)
      if (!normalized[name] && !invalid.some((problem) => problem.name === name))
        invalid.push({ name, error: "REQUIRED", message: `${name} is required` });
  }
  if (write.type.name === "deals") invalid.push(...checkPipeline({ ...write.current, ...normalized }, normalized));
  if (invalid.length > 0) throw invalidPropertyValues(invalid);
  return normalized;
}

function toStringValue(raw: unknown): string | undefined {
  if (raw === null) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return undefined;
}

/** A problem, a replacement (normalised) value, or undefined when the value stands as sent. */
function checkValue(type: CrmObjectType, name: string, value: string): InvalidProperty | string | undefined {
  if (type.dateProperties.includes(name)) {
    const ms = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (Number.isNaN(ms)) return { name, error: "INVALID_DATE", message: `${value} is not a valid date-time` };
    return new Date(ms).toISOString();
  }
  if (name === "email") {
    const email = value.trim().toLowerCase();
    return EMAIL.test(email) ? email : { name, error: "INVALID_EMAIL", message: `Email address ${value} is invalid` };
  }
  if (name === "hubspot_owner_id" && !HUBSPOT_SANDBOX_OWNERS.some((owner) => owner.id === value)) {
    return { name, error: "INVALID_OWNER_ID", message: `${value} is not a valid owner id` };
  }
  const options = ENUMS[name];
  if (options && !options.includes(value)) return invalidOption(name, value, options);
  // Reached only when the name is writable on this type, i.e. the portal defines it there.
  const custom = HUBSPOT_SANDBOX_CUSTOM_PROPERTY_TYPES[name];
  if (custom?.type === "enumeration" && !custom.options.includes(value)) {
    return invalidOption(name, value, custom.options);
  }
  if (custom?.type === "number" && !NUMBER.test(value.trim())) {
    // HubSpot names the code INVALID_INTEGER even for decimal number properties.
    return { name, error: "INVALID_INTEGER", message: `${value} was not a valid number.` };
  }
  return undefined;
}

function checkPipeline(merged: Record<string, string>, written: Record<string, string>): InvalidProperty[] {
  if (written.pipeline === undefined && written.dealstage === undefined) return [];
  const pipeline = merged.pipeline || HUBSPOT_DEFAULT_PIPELINE.id;
  if (pipeline !== HUBSPOT_DEFAULT_PIPELINE.id) {
    return [invalidOption("pipeline", pipeline, [HUBSPOT_DEFAULT_PIPELINE.id])];
  }
  const stages: readonly string[] = HUBSPOT_DEFAULT_PIPELINE.stages.map((stage) => stage.id);
  const stage = merged.dealstage;
  return stage && !stages.includes(stage) ? [invalidOption("dealstage", stage, stages)] : [];
}

function invalidOption(name: string, value: string, options: readonly string[]): InvalidProperty {
  return {
    name,
    error: "INVALID_OPTION",
    message: `${value} was not one of the allowed options: [${options.join(", ")}]`,
  };
}
