/**
 * Seeded credentials and ids of the HubSpot emulator. Exported so connector tests and the demo
 * workspace can authenticate against it without copying magic strings.
 */

/** The portal (hub) every token of the sandbox belongs to. */
export const HUBSPOT_SANDBOX_PORTAL_ID = 62515;
export const HUBSPOT_SANDBOX_HUB_DOMAIN = "handoff-sandbox.hubspot.com";

/** A private app's static token: `Authorization: Bearer <token>`, granted every scope. */
export const HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN = "pat-na1-5a1d6b0e-7c2f-4e8a-9b3d-1f0e2c4a6b8d";

/** The public (OAuth) app: HubSpot client ids and secrets are UUIDs. */
export const HUBSPOT_SANDBOX_APP_ID = 4012345;
export const HUBSPOT_SANDBOX_CLIENT_ID = "3c9e7f12-58ab-4d6e-9f01-2b7a4c8d6e10";
export const HUBSPOT_SANDBOX_CLIENT_SECRET = "b6f0d2a4-1e3c-4a57-8d9b-0c2e4f6a8b1d";

/** The developer account's API key for the webhooks API (`?hapikey=`). */
export const HUBSPOT_SANDBOX_DEVELOPER_API_KEY = "7e1a9c3b-5d2f-4b8e-a6c0-9f3d1b5e7a2c";

/** The portal owner: the sandbox auto-approves OAuth consent as this user. */
export const HUBSPOT_SANDBOX_USER_ID = 8642001;
export const HUBSPOT_SANDBOX_USER_EMAIL = "owner@handoff-sandbox.test";

export interface HubspotOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
}

/** CRM owners (`hubspot_owner_id` values the sandbox accepts). */
export const HUBSPOT_SANDBOX_OWNERS: readonly HubspotOwner[] = [
  {
    id: "75310001",
    email: HUBSPOT_SANDBOX_USER_EMAIL,
    firstName: "Olivia",
    lastName: "Owner",
    userId: HUBSPOT_SANDBOX_USER_ID,
  },
  { id: "75310002", email: "sam.sales@handoff-sandbox.test", firstName: "Sam", lastName: "Sales", userId: 8642002 },
];
export const HUBSPOT_SANDBOX_OWNER_ID = "75310001";

export interface HubspotPipelineStage {
  id: string;
  label: string;
  probability: string;
  isClosed: boolean;
}

/** The deal pipeline a new portal starts with: internal stage ids, not labels, go in `dealstage`. */
export const HUBSPOT_DEFAULT_PIPELINE = {
  id: "default",
  label: "Sales Pipeline",
  stages: [
    { id: "appointmentscheduled", label: "Appointment Scheduled", probability: "0.2", isClosed: false },
    { id: "qualifiedtobuy", label: "Qualified To Buy", probability: "0.4", isClosed: false },
    { id: "presentationscheduled", label: "Presentation Scheduled", probability: "0.6", isClosed: false },
    { id: "decisionmakerboughtin", label: "Decision Maker Bought-In", probability: "0.8", isClosed: false },
    { id: "contractsent", label: "Contract Sent", probability: "0.9", isClosed: false },
    { id: "closedwon", label: "Closed Won", probability: "1.0", isClosed: true },
    { id: "closedlost", label: "Closed Lost", probability: "0.0", isClosed: true },
  ] satisfies HubspotPipelineStage[],
} as const;

/**
 * The sandbox portal's custom properties (a real portal's admin creates them in Settings →
 * Properties). On deals: `deposit` — "30%" of the amount, or an amount in the deal's currency —
 * is what the deal-won template reads to ask for a deposit instead of invoicing the whole amount;
 * `payment_status`, `amount_paid` and `amount_remaining` (in the deal's currency) are what the
 * payment template writes, so the deal shows how far its invoice is paid.
 */
export const HUBSPOT_SANDBOX_CUSTOM_PROPERTIES: Readonly<Partial<Record<"contacts" | "deals", string[]>>> = {
  deals: ["deposit", "payment_status", "amount_paid", "amount_remaining"],
};

/** How HubSpot checks a custom property's value: by its field type (text when not listed). */
export type HubspotCustomPropertyType = { type: "enumeration"; options: readonly string[] } | { type: "number" };

/** The types of the custom properties above that are not free text. */
export const HUBSPOT_SANDBOX_CUSTOM_PROPERTY_TYPES: Readonly<Record<string, HubspotCustomPropertyType>> = {
  payment_status: { type: "enumeration", options: ["unpaid", "partially_paid", "paid", "overdue", "refunded"] },
  amount_paid: { type: "number" },
  amount_remaining: { type: "number" },
};
