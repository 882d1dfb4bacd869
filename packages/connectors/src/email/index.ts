import { defineConnector } from "@handoff/connector-sdk";
import { emailAuth } from "./auth";
import { sendEmailAction } from "./send-email";

export const emailConnector = defineConnector({
  key: "email",
  name: "Email",
  category: "messaging",
  auth: emailAuth,
  triggers: [],
  actions: [sendEmailAction],
});
