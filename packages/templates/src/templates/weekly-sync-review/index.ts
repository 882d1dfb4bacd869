import { fieldsOf } from "../../fields";
import type { TemplateDefinition } from "../../types";
import { graph } from "./graph";

/** Template 8: the week's sync problems reach the person who owns the mappings, every Monday. */
export const weeklySyncReview: TemplateDefinition = {
  slug: "weekly-sync-review",
  title: "Weekly sync review to the mapping owner",
  outcome:
    "Every Monday morning the mapping owner gets the week's failed syncs, duplicates and canceled-but-still-invoiced appointments.",
  category: "review",
  steps: [
    "Every Monday at 08:00 in the workspace's time zone,",
    "collect the last 7 days: failed syncs (with their error and a link to the run), duplicates the identity service found, and canceled appointments whose invoice is still open;",
    "e-mail it to the workspace's mapping owner — also when the week was clean, so a missing e-mail means something is wrong.",
  ],
  connections: [{ role: "email", provider: "email", label: "Mailbox the review is sent from", nodeIds: ["mail"] }],
  fields: fieldsOf(graph, [
    {
      key: "timeZone",
      label: "Time zone",
      description: "The zone of Monday 08:00, an IANA name such as Europe/Paris: the workspace's time zone.",
      nodeId: "weekly",
      prop: "timeZone",
      fromWorkspace: "timeZone",
    },
    {
      key: "cron",
      label: "When",
      description: "A cron schedule (minute hour day-of-month month day-of-week): Mondays 08:00 by default.",
      nodeId: "weekly",
      prop: "cron",
    },
    {
      key: "sender",
      label: "Sender",
      description: "Who the review comes from.",
      nodeId: "mail",
      prop: "from",
    },
    {
      key: "recipient",
      label: "Recipient",
      description: "The workspace's mapping owner by default; an address here sends it there instead.",
      nodeId: "mail",
      prop: "to",
    },
  ]),
  graph,
};
