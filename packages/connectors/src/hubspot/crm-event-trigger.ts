import { defineTrigger } from "@handoff/connector-sdk";
import type { z } from "zod";
import { verifyHubspotSignature } from "./signature";
import {
  businessKeysOf,
  eventIdOf,
  eventTimeOf,
  type HubspotCrmEvent,
  type HubspotPayload,
  parseDelivery,
  singleEvent,
  splitDelivery,
  summarizeEvent,
} from "./webhook-event";
import { type HubspotEventSubscription, subscribeHubspotEvent, unsubscribeHubspotEvent } from "./webhook-subscription";

/**
 * HubSpot's triggers differ only in the subscription and which events start a run. Deliveries go to
 * the app's one target URL as a JSON array mixing every subscription, so each event is split out
 * and matched on its own; the rest are recorded, not run.
 */
export function defineCrmEventTrigger<TSchema extends z.ZodType>(options: {
  key: string;
  name: string;
  description: string;
  props: TSchema;
  subscription: HubspotEventSubscription;
  matches: (event: HubspotCrmEvent, props: z.output<TSchema>) => boolean;
  sample: HubspotCrmEvent;
}) {
  const { subscription } = options;
  return defineTrigger({
    kind: "webhook",
    key: options.key,
    name: options.name,
    description: options.description,
    props: options.props,
    verify: verifyHubspotSignature,
    parse: parseDelivery,
    split: splitDelivery,
    eventId: eventIdOf,
    eventTime: eventTimeOf,
    summary: summarizeEvent,
    businessKeys: businessKeysOf,
    matches: (payload: HubspotPayload, props) => {
      const event = singleEvent(payload);
      const ofThisTrigger =
        event?.subscriptionType === subscription.eventType &&
        (subscription.propertyName === undefined || event.propertyName === subscription.propertyName);
      return ofThisTrigger && options.matches(event, props);
    },
    subscribe: (ctx) => subscribeHubspotEvent(ctx, subscription),
    unsubscribe: unsubscribeHubspotEvent,
    sample: options.sample,
  });
}
