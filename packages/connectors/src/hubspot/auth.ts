import type { MultiAuth } from "@handoff/connector-sdk";

/**
 * A private app's static token, or a public app installed with OAuth (the platform refreshes its
 * token; the connector only asks `connection.authHeaders()`). Webhook triggers also need, on the
 * connection, the app's `clientSecret` (OAuth connections have it; add it for a private app),
 * the developer account's `developerApiKey` and the `appId` (see `webhook-subscription.ts`).
 */
export const hubspotAuth = {
  kind: "multi",
  options: [
    { kind: "bearer", description: "Private app token (pat-…)" },
    {
      kind: "oauth2",
      authorizationUrl: "https://app.hubspot.com/oauth/authorize",
      tokenUrl: "https://api.hubapi.com/oauth/v1/token",
      scopes: [
        "crm.objects.contacts.read",
        "crm.objects.contacts.write",
        "crm.objects.deals.read",
        "crm.objects.deals.write",
        "oauth",
      ],
    },
  ],
} as const satisfies MultiAuth;
