import { z } from "zod";
import { defineCrmEventTrigger } from "./crm-event-trigger";
import { optionalText } from "./props";

export const ZDealStageChangedProps = z.object({
  stage: optionalText.describe(
    "Only deals moved to this stage (its internal id, e.g. closedwon); leave empty for every stage change",
  ),
});

export const dealStageChangedTrigger = defineCrmEventTrigger({
  key: "deal-stage-changed",
  name: "Deal stage changed",
  description:
    "Starts the flow when a HubSpot deal moves to another stage (and when a deal is created in one). " +
    "closedwon reads as deal_won, closedlost as deal_lost.",
  props: ZDealStageChangedProps,
  subscription: { eventType: "deal.propertyChange", propertyName: "dealstage" },
  matches: (event, props) => !props.stage || event.dealstage === props.stage,
  sample: {
    eventId: 100002,
    subscriptionId: 2,
    portalId: 62515,
    appId: 4012345,
    occurredAt: 1741078800000,
    subscriptionType: "deal.propertyChange",
    attemptNumber: 0,
    propertyName: "dealstage",
    propertyValue: "closedwon",
    changeSource: "CRM_UI",
    sourceId: "userId:8642001",
    lifecycle: "deal_won",
    objectType: "deal",
    objectId: "2001",
    dealId: "2001",
    dealstage: "closedwon",
    occurredAtIso: "2025-03-04T09:00:00.000Z",
  },
});
