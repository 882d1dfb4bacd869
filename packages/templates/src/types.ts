import type { FlowDocument } from "@handoff/flow-core";

// The contract shared by the template files, the install service, the CLI and the gallery.
// Fields may be added; the existing ones must not be renamed (other packages rely on them).

export type TemplateCategory = "appointments" | "invoicing" | "crm" | "review";

export const TEMPLATE_CATEGORIES = [
  "appointments",
  "invoicing",
  "crm",
  "review",
] as const satisfies readonly TemplateCategory[];

/** One account a template needs, e.g. "the Cal.com account the bookings come from". */
export interface TemplateConnectionRole {
  /** Stable key the installer fills: "calendar", "crm", "invoicing", "email". */
  role: string;
  /** Connector key: "calcom" | "hubspot" | "stripe" | "email". */
  provider: string;
  label: string;
  /** The nodes whose `connectionId` is this role's connection. */
  nodeIds: string[];
}

/** A prop the person installing may change, shown with its default in the field mapping. */
export interface TemplateField {
  key: string;
  label: string;
  description: string;
  /** The node and the dotted path inside its props that the value fills. */
  nodeId: string;
  prop: string;
  /** The default value or expression, e.g. "{{ trigger.service.name }}". */
  default: string;
  /** Other props that take the same value (two steps that must agree, e.g. an invoice made in either of two branches). */
  alsoFills?: { nodeId: string; prop: string }[];
  /** Defaults to the installing workspace's own setting instead (its time zone), when not given. */
  fromWorkspace?: "timeZone";
}

export interface TemplateDefinition {
  /** Kebab-case and unique; template 1 is "booking-to-contact-and-invoice". */
  slug: string;
  title: string;
  /** One line: what the business gets. */
  outcome: string;
  category: TemplateCategory;
  /** Plain-language sentences, one per step, for the template page. */
  steps: string[];
  connections: TemplateConnectionRole[];
  fields: TemplateField[];
  /** A flow document like any other; connection ids are left empty and filled per role on install. */
  graph: FlowDocument;
}
