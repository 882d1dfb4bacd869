import { defineConnector } from "@handoff/connector-sdk";
import { associateDealContactAction } from "./associate-deal-contact";
import { hubspotAuth } from "./auth";
import { contactCreatedTrigger } from "./contact-created";
import { createDealAction } from "./create-deal";
import { createNoteAction } from "./create-note";
import { createTaskAction } from "./create-task";
import { dealStageChangedTrigger } from "./deal-stage-changed";
import { findOrCreateContactAction } from "./find-or-create-contact";
import { getContactAction } from "./get-contact";
import { getDealAction } from "./get-deal";
import { moveDealStageAction } from "./move-deal-stage";
import { updateContactAction } from "./update-contact";
import { updateDealAction } from "./update-deal";
import { updateTaskAction } from "./update-task";

export const hubspotConnector = defineConnector({
  key: "hubspot",
  name: "HubSpot",
  category: "crm",
  auth: hubspotAuth,
  triggers: [contactCreatedTrigger, dealStageChangedTrigger],
  actions: [
    findOrCreateContactAction,
    getContactAction,
    getDealAction,
    updateContactAction,
    createDealAction,
    moveDealStageAction,
    updateDealAction,
    associateDealContactAction,
    createTaskAction,
    updateTaskAction,
    createNoteAction,
  ],
});
